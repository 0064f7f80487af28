-- The A1 selection lives in two places: the column summary_image_url (what cards read) and
-- analysis_json.summary_image_selected_url (what YTV2's workers write). Writers that set only one
-- (ingest payloads, external SQL) left the other stale; this keeps them in step whoever writes.
-- Whichever of the two a statement changed wins; an empty column is filled from the document.
CREATE OR REPLACE FUNCTION ytv2_keep_a1_selection() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    doc jsonb := ytv2_as_object(NEW.analysis_json);
    doc_url text := nullif(btrim(doc ->> 'summary_image_selected_url'), '');
    col_url text := nullif(btrim(NEW.summary_image_url), '');
    old_doc_url text;
    old_col_url text;
    -- A document that is neither an object nor a string holding one is not ours to rewrite.
    doc_writable boolean := NEW.analysis_json IS NULL OR jsonb_typeof(NEW.analysis_json) = 'object' OR doc <> '{}'::jsonb;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        old_doc_url := nullif(btrim(ytv2_as_object(OLD.analysis_json) ->> 'summary_image_selected_url'), '');
        old_col_url := nullif(btrim(OLD.summary_image_url), '');
        IF col_url IS DISTINCT FROM old_col_url AND doc_url IS NOT DISTINCT FROM old_doc_url THEN
            IF doc_writable AND col_url IS DISTINCT FROM doc_url THEN
                NEW.analysis_json := CASE WHEN col_url IS NULL THEN doc - 'summary_image_selected_url'
                                          ELSE doc || jsonb_build_object('summary_image_selected_url', col_url) END;
            END IF;
            RETURN NEW;
        END IF;
        IF doc_url IS DISTINCT FROM old_doc_url AND col_url IS NOT DISTINCT FROM old_col_url THEN
            NEW.summary_image_url := doc_url;
            RETURN NEW;
        END IF;
    END IF;
    IF col_url IS NULL AND doc_url IS NOT NULL THEN
        NEW.summary_image_url := doc_url;
    ELSIF TG_OP = 'INSERT' AND col_url IS NOT NULL AND doc_url IS NULL AND doc_writable THEN
        NEW.analysis_json := doc || jsonb_build_object('summary_image_selected_url', col_url);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER ytv2_keep_a1_selection BEFORE INSERT OR UPDATE ON content
    FOR EACH ROW EXECUTE FUNCTION ytv2_keep_a1_selection();
