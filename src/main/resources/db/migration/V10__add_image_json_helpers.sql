-- Helpers for image writes: they patch keys of analysis_json in SQL, whatever shape older writers left it in.

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
