-- YTV2's own migrations leave its view v_latest_summaries without a summary_type column (the column
-- was added to the table later, the view never recreated). That view belongs to the installation
-- and stays as it is; we read the latest summaries through a view of our own. Latest is the row
-- its writers marked latest, else the newest, as the installation's view picks it.
SET LOCAL client_min_messages = warning;

CREATE OR REPLACE VIEW ytv2_latest_summaries AS
SELECT DISTINCT ON (s.video_id, s.variant) s.video_id, s.variant, s.summary_type, s.text, s.html,
       s.revision, s.is_latest, s.created_at
FROM content_summaries s
ORDER BY s.video_id, s.variant, s.is_latest DESC NULLS LAST, s.created_at DESC NULLS LAST, s.revision DESC;

-- Transcripts: columns a YTV2 installation may have added by hand; the reader shows them.
ALTER TABLE content ADD COLUMN IF NOT EXISTS transcript_text text;
ALTER TABLE content ADD COLUMN IF NOT EXISTS transcript_segments jsonb;

-- The index function of V11, reading our view.
CREATE OR REPLACE FUNCTION ytv2_sync_report_index(ids text[]) RETURNS void
LANGUAGE sql AS $$
    WITH summaries AS (
        SELECT l.video_id,
               array_agg(DISTINCT coalesce(l.summary_type, l.variant)) AS types,
               string_agg(l.text, ' ') AS body
        FROM ytv2_latest_summaries l WHERE l.video_id = ANY(ids) GROUP BY l.video_id
    ), facts AS (
        SELECT c.video_id, c.title, c.channel_name, s.types, s.body,
               ytv2_source_of(c.video_id, c.content_source) AS source,
               coalesce(nullif(btrim(c.language), ''), nullif(btrim(an.a ->> 'language'), '')) AS language,
               nullif(btrim(an.a ->> 'content_type'), '') AS content_type,
               ytv2_json_strings(an.a -> 'category') AS own_categories,
               ytv2_json_strings(c.subcategories_json) || ytv2_json_strings(an.a -> 'subcategory') AS own_subcategories,
               ytv2_category_pairs(an.a, c.subcategories_json) AS pairs,
               coalesce(c.has_audio, false) AS has_audio, c.published_at,
               coalesce(c.indexed_at, c.created_at, now()) AS added_at, c.duration_seconds
        FROM content c LEFT JOIN summaries s ON s.video_id = c.video_id
        CROSS JOIN LATERAL (SELECT ytv2_as_object(c.analysis_json) AS a) an
        WHERE c.video_id = ANY(ids)
    ), indexed AS (
        INSERT INTO report_index AS r (
            video_id, content_source, channel_name, language, content_type, categories, subcategories,
            category_pairs, summary_types, has_audio, published_at, added_at, title_sort, duration_seconds)
        SELECT f.video_id, f.source, nullif(btrim(f.channel_name), ''), f.language, f.content_type,
               ARRAY(SELECT DISTINCT x FROM unnest(f.own_categories
                     || ARRAY(SELECT split_part(p, chr(31), 1) FROM unnest(f.pairs) p)) x ORDER BY 1),
               ARRAY(SELECT DISTINCT x FROM unnest(f.own_subcategories
                     || ARRAY(SELECT split_part(p, chr(31), 2) FROM unnest(f.pairs) p)) x ORDER BY 1),
               f.pairs, coalesce(f.types, ARRAY[]::text[]), f.has_audio, f.published_at, f.added_at,
               lower(f.title), f.duration_seconds
        FROM facts f
        ON CONFLICT (video_id) DO UPDATE SET
            content_source = EXCLUDED.content_source, channel_name = EXCLUDED.channel_name,
            language = EXCLUDED.language, content_type = EXCLUDED.content_type,
            categories = EXCLUDED.categories, subcategories = EXCLUDED.subcategories,
            category_pairs = EXCLUDED.category_pairs, summary_types = EXCLUDED.summary_types,
            has_audio = EXCLUDED.has_audio, published_at = EXCLUDED.published_at,
            added_at = EXCLUDED.added_at, title_sort = EXCLUDED.title_sort,
            duration_seconds = EXCLUDED.duration_seconds
        RETURNING 1
    ), searchable AS (
        INSERT INTO report_search AS s (video_id, title_vector, search_vector)
        SELECT f.video_id,
               setweight(to_tsvector('english', coalesce(f.title, '')), 'A')
                 || setweight(to_tsvector('english', coalesce(f.channel_name, '')), 'B'),
               setweight(to_tsvector('english', coalesce(f.title, '')), 'A')
                 || setweight(to_tsvector('english', coalesce(f.channel_name, '')), 'B')
                 || setweight(to_tsvector('english', left(coalesce(f.body, ''), 200000)), 'C')
        FROM facts f
        ON CONFLICT (video_id) DO UPDATE SET
            title_vector = EXCLUDED.title_vector, search_vector = EXCLUDED.search_vector
        RETURNING 1
    )
    UPDATE library_version SET version = version + 1
    WHERE cardinality(ids) > 0 AND (SELECT count(*) FROM indexed) + (SELECT count(*) FROM searchable) >= 0;
$$;
