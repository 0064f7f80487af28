-- Re-ingest merges documents: incoming keys win, except the `kept` keys (image fields in
-- analysis_json, audio fields in media), which an incoming document may only fill when empty.
CREATE OR REPLACE FUNCTION ytv2_merge_keeping(existing jsonb, incoming jsonb, kept text[]) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN jsonb_typeof(existing) IS DISTINCT FROM 'object' THEN incoming
        WHEN jsonb_typeof(incoming) IS DISTINCT FROM 'object' THEN existing
        ELSE existing || (incoming - kept) || coalesce((
            SELECT jsonb_object_agg(e.k, e.v) FROM jsonb_each(incoming) AS e(k, v)
            WHERE e.k = ANY(kept) AND (NOT existing ? e.k OR existing -> e.k = 'null'::jsonb)), '{}'::jsonb)
    END
$$;
