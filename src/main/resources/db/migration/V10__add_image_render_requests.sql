-- Explicit render requests from `POST /api/set-image-prompt`. The memo's worker only renders when a
-- prompt differs from its `*_last_used`, so saving the same prompt again did nothing; a row here
-- asks for a render regardless. The render worker consumes a row by deleting it in the transaction
-- that queues the job (FOR UPDATE SKIP LOCKED), so each request yields one render.
CREATE TABLE IF NOT EXISTS image_render_requests (
    id           bigserial PRIMARY KEY,
    video_id     text NOT NULL REFERENCES content(video_id) ON DELETE CASCADE,
    mode         text NOT NULL CHECK (mode IN ('ai1', 'ai2')),
    prompt       text NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS image_render_requests_video_idx ON image_render_requests (video_id, mode, requested_at);

-- analysis_json as an object: some older writers stored the document as a JSON string, and a few
-- rows have none. Image writes patch keys of this object, so they never fail on such rows.
CREATE OR REPLACE FUNCTION ytv2_as_object(j jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF jsonb_typeof(j) = 'object' THEN
        RETURN j;
    END IF;
    IF jsonb_typeof(j) = 'string' THEN
        BEGIN
            j := (j #>> '{}')::jsonb;
            IF jsonb_typeof(j) = 'object' THEN
                RETURN j;
            END IF;
        EXCEPTION WHEN others THEN
            RETURN '{}'::jsonb;
        END;
    END IF;
    RETURN '{}'::jsonb;
END
$$;

-- The variants array of an analysis document, or an empty one.
CREATE OR REPLACE FUNCTION ytv2_variants(analysis jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN jsonb_typeof(ytv2_as_object(analysis) -> 'summary_image_variants') = 'array'
                THEN ytv2_as_object(analysis) -> 'summary_image_variants' ELSE '[]'::jsonb END
$$;

-- A timestamp out of text that any writer may have put into a variant, or NULL when it is not one.
CREATE OR REPLACE FUNCTION ytv2_try_timestamptz(t text) RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN t::timestamptz;
EXCEPTION WHEN others THEN
    RETURN NULL;
END
$$;
