-- A narrow companion row per report holding exactly what filters, sorts and facets need, and a
-- separate row with its full-text vectors. Queries scan these instead of the wide `content` rows
-- (whose analysis_json can be large), then fetch the page's rows from `content` by primary key.
-- The vectors live apart because they are large: beside the facts they would make every count and
-- facet scan read ten times the pages. Triggers keep both in step with every writer, including
-- external ones that write to `content` directly.

CREATE TABLE IF NOT EXISTS report_index (
    video_id        text PRIMARY KEY REFERENCES content(video_id) ON DELETE CASCADE,
    content_source  text,
    channel_name    text,
    language        text,
    content_type    text,
    categories      text[] NOT NULL DEFAULT '{}',
    subcategories   text[] NOT NULL DEFAULT '{}',
    category_pairs  text[] NOT NULL DEFAULT '{}',
    summary_types   text[] NOT NULL DEFAULT '{}',
    has_audio       boolean NOT NULL DEFAULT false,
    published_at    timestamptz,
    added_at        timestamptz NOT NULL,
    title_sort      text,
    duration_seconds integer
);

-- title_vector (title and channel) is small and ranks results; search_vector adds the summaries
-- and finds them. Ranking by the small one keeps a search from reading every match's summaries.
CREATE TABLE IF NOT EXISTS report_search (
    video_id      text PRIMARY KEY REFERENCES content(video_id) ON DELETE CASCADE,
    title_vector  tsvector NOT NULL DEFAULT ''::tsvector,
    search_vector tsvector NOT NULL DEFAULT ''::tsvector
);

-- Bumped whenever the indexed facts of any report change, so counts and facets computed for one
-- version can be reused until the next, on every server sharing the database.
CREATE TABLE IF NOT EXISTS library_version (
    id      boolean PRIMARY KEY DEFAULT true CHECK (id),
    version bigint NOT NULL
);
INSERT INTO library_version (id, version) VALUES (true, 0) ON CONFLICT DO NOTHING;

-- Strings out of a JSON value that may be a string, an array of strings, or anything else.
CREATE OR REPLACE FUNCTION ytv2_json_strings(j jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE jsonb_typeof(j)
        WHEN 'string' THEN CASE WHEN btrim(j #>> '{}') = '' THEN ARRAY[]::text[] ELSE ARRAY[btrim(j #>> '{}')] END
        WHEN 'array' THEN ARRAY(
            SELECT btrim(e #>> '{}') FROM jsonb_array_elements(j) e
            WHERE jsonb_typeof(e) = 'string' AND btrim(e #>> '{}') <> '')
        ELSE ARRAY[]::text[]
    END
$$;

-- "Category<US>Subcategory" pairs, from subcategories_json ({"Category": ["Sub", ...]}) and from
-- analysis.subcategory (paired with the first category).
CREATE OR REPLACE FUNCTION ytv2_category_pairs(analysis jsonb, subcats jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_agg(DISTINCT p ORDER BY p), ARRAY[]::text[]) FROM (
        SELECT btrim(kv.key) || chr(31) || s AS p
        FROM jsonb_each(CASE WHEN jsonb_typeof(subcats) = 'object' THEN subcats ELSE '{}'::jsonb END) kv,
             unnest(ytv2_json_strings(kv.value)) s
        WHERE btrim(kv.key) <> ''
        UNION
        SELECT (ytv2_json_strings(analysis -> 'category'))[1] || chr(31) || s
        FROM unnest(ytv2_json_strings(analysis -> 'subcategory')) s
        WHERE cardinality(ytv2_json_strings(analysis -> 'category')) > 0
    ) pairs
$$;

CREATE OR REPLACE FUNCTION ytv2_source_of(video_id text, content_source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN coalesce(btrim(content_source), '') <> '' THEN lower(btrim(content_source))
        WHEN video_id LIKE 'reddit:%' THEN 'reddit'
        WHEN video_id LIKE 'web:%' THEN 'web'
        ELSE 'youtube'
    END
$$;

-- Set-based, so re-indexing one report and a bulk load of a hundred thousand take the same path.
CREATE OR REPLACE FUNCTION ytv2_sync_report_index(ids text[]) RETURNS void
LANGUAGE sql AS $$
    WITH summaries AS (
        SELECT l.video_id,
               array_agg(DISTINCT coalesce(l.summary_type, l.variant)) AS types,
               string_agg(l.text, ' ') AS body
        FROM v_latest_summaries l WHERE l.video_id = ANY(ids) GROUP BY l.video_id
    ), facts AS (
        SELECT c.video_id, c.title, c.channel_name, s.types, s.body,
               ytv2_source_of(c.video_id, c.content_source) AS source,
               coalesce(nullif(btrim(c.language), ''), nullif(btrim(c.analysis_json ->> 'language'), '')) AS language,
               nullif(btrim(c.analysis_json ->> 'content_type'), '') AS content_type,
               ytv2_json_strings(c.analysis_json -> 'category') AS own_categories,
               ytv2_json_strings(c.subcategories_json) || ytv2_json_strings(c.analysis_json -> 'subcategory') AS own_subcategories,
               ytv2_category_pairs(c.analysis_json, c.subcategories_json) AS pairs,
               coalesce(c.has_audio, false) AS has_audio, c.published_at,
               coalesce(c.indexed_at, c.created_at, now()) AS added_at, c.duration_seconds
        FROM content c LEFT JOIN summaries s ON s.video_id = c.video_id
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

CREATE OR REPLACE FUNCTION ytv2_content_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ytv2_sync_report_index(ARRAY(SELECT video_id FROM changed_rows));
    RETURN NULL;
END
$$;

-- Image writes update analysis_json many times a minute; only re-index rows whose indexed facts moved.
CREATE OR REPLACE FUNCTION ytv2_content_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ytv2_sync_report_index(ARRAY(
        SELECT n.video_id FROM new_rows n LEFT JOIN old_rows o ON o.video_id = n.video_id
        WHERE o.video_id IS NULL
           OR (o.title, o.channel_name, o.content_source, o.language, o.has_audio, o.published_at,
               o.indexed_at, o.created_at, o.duration_seconds, o.subcategories_json,
               o.analysis_json -> 'category', o.analysis_json -> 'subcategory',
               o.analysis_json -> 'content_type', o.analysis_json -> 'language')
              IS DISTINCT FROM
              (n.title, n.channel_name, n.content_source, n.language, n.has_audio, n.published_at,
               n.indexed_at, n.created_at, n.duration_seconds, n.subcategories_json,
               n.analysis_json -> 'category', n.analysis_json -> 'subcategory',
               n.analysis_json -> 'content_type', n.analysis_json -> 'language')));
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION ytv2_content_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE library_version SET version = version + 1;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION ytv2_summaries_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ytv2_sync_report_index(ARRAY(SELECT DISTINCT video_id FROM changed_rows));
    RETURN NULL;
END
$$;

CREATE TRIGGER ytv2_content_index_insert AFTER INSERT ON content
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ytv2_content_inserted();
CREATE TRIGGER ytv2_content_index_update AFTER UPDATE ON content
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ytv2_content_updated();
CREATE TRIGGER ytv2_content_index_delete AFTER DELETE ON content
    FOR EACH STATEMENT EXECUTE FUNCTION ytv2_content_deleted();
CREATE TRIGGER ytv2_summaries_index_insert AFTER INSERT ON content_summaries
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ytv2_summaries_changed();
CREATE TRIGGER ytv2_summaries_index_update AFTER UPDATE ON content_summaries
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ytv2_summaries_changed();
CREATE TRIGGER ytv2_summaries_index_delete AFTER DELETE ON content_summaries
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ytv2_summaries_changed();

-- Rows that an existing installation already has.
DO $$ BEGIN PERFORM ytv2_sync_report_index(ARRAY(SELECT video_id FROM content)); END $$;

CREATE INDEX IF NOT EXISTS report_index_added_idx ON report_index (added_at DESC, video_id DESC);
CREATE INDEX IF NOT EXISTS report_index_published_idx ON report_index (published_at, video_id);
CREATE INDEX IF NOT EXISTS report_index_title_idx ON report_index (title_sort, video_id);
CREATE INDEX IF NOT EXISTS report_index_duration_idx ON report_index (duration_seconds, video_id);
CREATE INDEX IF NOT EXISTS report_index_source_idx ON report_index (content_source, added_at DESC);
CREATE INDEX IF NOT EXISTS report_index_channel_idx ON report_index (channel_name, added_at DESC);
CREATE INDEX IF NOT EXISTS report_index_language_idx ON report_index (language);
CREATE INDEX IF NOT EXISTS report_index_content_type_idx ON report_index (content_type);
CREATE INDEX IF NOT EXISTS report_index_categories_idx ON report_index USING gin (categories);
CREATE INDEX IF NOT EXISTS report_index_subcategories_idx ON report_index USING gin (subcategories);
CREATE INDEX IF NOT EXISTS report_index_summary_types_idx ON report_index USING gin (summary_types);
CREATE INDEX IF NOT EXISTS report_search_idx ON report_search USING gin (search_vector);
