-- Facet counts follow the library by what each write changed instead of being recounted: every
-- change to a report_index row is logged here as the old row (sign -1) and the new one (sign +1),
-- with the writing transaction, so that counts read in one snapshot are brought up to a later one
-- by summing the rows that snapshot did not see. Only the columns filters and facets read.
CREATE TABLE IF NOT EXISTS report_index_changes (
    tx             xid8 NOT NULL DEFAULT pg_current_xact_id(),
    sign           smallint NOT NULL CHECK (sign IN (-1, 1)),
    video_id       text NOT NULL,
    content_source text,
    channel_name   text,
    language       text,
    content_type   text,
    categories     text[] NOT NULL,
    subcategories  text[] NOT NULL,
    category_pairs text[] NOT NULL,
    summary_types  text[] NOT NULL,
    has_audio      boolean NOT NULL,
    published_at   timestamptz
);

CREATE INDEX IF NOT EXISTS report_index_changes_tx_idx ON report_index_changes (tx);

-- Changes of transactions before `below` have been removed: counts read in an older snapshot are
-- counted again instead.
CREATE TABLE IF NOT EXISTS report_index_changes_horizon (
    id    boolean PRIMARY KEY DEFAULT true CHECK (id),
    below xid8 NOT NULL
);
INSERT INTO report_index_changes_horizon (id, below) VALUES (true, pg_current_xact_id()) ON CONFLICT (id) DO NOTHING;

CREATE OR REPLACE FUNCTION ytv2_log_index_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_index_changes (sign, video_id, content_source, channel_name, language, content_type,
                                      categories, subcategories, category_pairs, summary_types, has_audio, published_at)
    SELECT 1, n.video_id, n.content_source, n.channel_name, n.language, n.content_type,
           n.categories, n.subcategories, n.category_pairs, n.summary_types, n.has_audio, n.published_at
    FROM new_rows n;
    RETURN NULL;
END $$;

-- An ingest rewrites its report's row whether or not a filtered column changed; only real
-- changes are logged.
CREATE OR REPLACE FUNCTION ytv2_log_index_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH changed AS (
        SELECT o.video_id AS old_id, n.video_id AS new_id
        FROM old_rows o JOIN new_rows n ON n.video_id = o.video_id
        WHERE (o.content_source, o.channel_name, o.language, o.content_type, o.categories, o.subcategories,
               o.category_pairs, o.summary_types, o.has_audio, o.published_at)
              IS DISTINCT FROM
              (n.content_source, n.channel_name, n.language, n.content_type, n.categories, n.subcategories,
               n.category_pairs, n.summary_types, n.has_audio, n.published_at)
    )
    INSERT INTO report_index_changes (sign, video_id, content_source, channel_name, language, content_type,
                                      categories, subcategories, category_pairs, summary_types, has_audio, published_at)
    SELECT -1, o.video_id, o.content_source, o.channel_name, o.language, o.content_type,
           o.categories, o.subcategories, o.category_pairs, o.summary_types, o.has_audio, o.published_at
    FROM old_rows o JOIN changed c ON c.old_id = o.video_id
    UNION ALL
    SELECT 1, n.video_id, n.content_source, n.channel_name, n.language, n.content_type,
           n.categories, n.subcategories, n.category_pairs, n.summary_types, n.has_audio, n.published_at
    FROM new_rows n JOIN changed c ON c.new_id = n.video_id;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION ytv2_log_index_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_index_changes (sign, video_id, content_source, channel_name, language, content_type,
                                      categories, subcategories, category_pairs, summary_types, has_audio, published_at)
    SELECT -1, o.video_id, o.content_source, o.channel_name, o.language, o.content_type,
           o.categories, o.subcategories, o.category_pairs, o.summary_types, o.has_audio, o.published_at
    FROM old_rows o;
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS ytv2_index_log_insert ON report_index;
DROP TRIGGER IF EXISTS ytv2_index_log_update ON report_index;
DROP TRIGGER IF EXISTS ytv2_index_log_delete ON report_index;
CREATE TRIGGER ytv2_index_log_insert AFTER INSERT ON report_index
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ytv2_log_index_inserted();
CREATE TRIGGER ytv2_index_log_update AFTER UPDATE ON report_index
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ytv2_log_index_updated();
CREATE TRIGGER ytv2_index_log_delete AFTER DELETE ON report_index
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ytv2_log_index_deleted();
