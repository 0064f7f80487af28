-- The existing YTV2 tables, created only where missing, so that an existing YTV2 database is served
-- as it is. Every statement only adds: IF NOT EXISTS on tables, columns and indexes.

-- "already exists, skipping" is the expected answer on an existing installation; keep it quiet.
SET LOCAL client_min_messages = warning;

CREATE TABLE IF NOT EXISTS content (
    video_id          text PRIMARY KEY,
    id                text UNIQUE,
    title             text,
    channel_name      text,
    content_source    text,
    published_at      timestamptz,
    duration_seconds  integer,
    thumbnail_url     text,
    canonical_url     text,
    summary_image_url text,
    language          text,
    subcategories_json jsonb,
    topics_json       jsonb,
    analysis_json     jsonb,
    media             jsonb,
    media_metadata    jsonb,
    has_audio         boolean DEFAULT false,
    indexed_at        timestamptz DEFAULT now(),
    created_at        timestamptz DEFAULT now(),
    updated_at        timestamptz DEFAULT now()
);

-- An older installation may lack some of the newer columns.
ALTER TABLE content ADD COLUMN IF NOT EXISTS id text;
ALTER TABLE content ADD COLUMN IF NOT EXISTS title text;
ALTER TABLE content ADD COLUMN IF NOT EXISTS channel_name text;
ALTER TABLE content ADD COLUMN IF NOT EXISTS content_source text;
ALTER TABLE content ADD COLUMN IF NOT EXISTS published_at timestamptz;
ALTER TABLE content ADD COLUMN IF NOT EXISTS duration_seconds integer;
ALTER TABLE content ADD COLUMN IF NOT EXISTS thumbnail_url text;
ALTER TABLE content ADD COLUMN IF NOT EXISTS canonical_url text;
ALTER TABLE content ADD COLUMN IF NOT EXISTS summary_image_url text;
ALTER TABLE content ADD COLUMN IF NOT EXISTS language text;
ALTER TABLE content ADD COLUMN IF NOT EXISTS subcategories_json jsonb;
ALTER TABLE content ADD COLUMN IF NOT EXISTS topics_json jsonb;
ALTER TABLE content ADD COLUMN IF NOT EXISTS analysis_json jsonb;
ALTER TABLE content ADD COLUMN IF NOT EXISTS media jsonb;
ALTER TABLE content ADD COLUMN IF NOT EXISTS media_metadata jsonb;
ALTER TABLE content ADD COLUMN IF NOT EXISTS has_audio boolean DEFAULT false;
ALTER TABLE content ADD COLUMN IF NOT EXISTS indexed_at timestamptz DEFAULT now();
ALTER TABLE content ADD COLUMN IF NOT EXISTS created_at timestamptz DEFAULT now();
ALTER TABLE content ADD COLUMN IF NOT EXISTS updated_at timestamptz DEFAULT now();

CREATE TABLE IF NOT EXISTS content_summaries (
    id           bigserial PRIMARY KEY,
    video_id     text NOT NULL REFERENCES content(video_id) ON DELETE CASCADE,
    variant      text NOT NULL,
    summary_type text,
    text         text,
    html         text,
    revision     integer NOT NULL DEFAULT 1,
    is_latest    boolean NOT NULL DEFAULT true,
    created_at   timestamptz DEFAULT now()
);

ALTER TABLE content_summaries ADD COLUMN IF NOT EXISTS summary_type text;
ALTER TABLE content_summaries ADD COLUMN IF NOT EXISTS html text;
ALTER TABLE content_summaries ADD COLUMN IF NOT EXISTS revision integer DEFAULT 1;
ALTER TABLE content_summaries ADD COLUMN IF NOT EXISTS is_latest boolean DEFAULT true;
ALTER TABLE content_summaries ADD COLUMN IF NOT EXISTS created_at timestamptz DEFAULT now();

CREATE INDEX IF NOT EXISTS content_summaries_video_latest_idx
    ON content_summaries (video_id, variant, revision DESC);

-- Views cannot be created "if not exists"; keep an existing installation's view as it is.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_views WHERE viewname = 'v_latest_summaries') THEN
        EXECUTE $v$
            CREATE VIEW v_latest_summaries AS
            SELECT DISTINCT ON (video_id, variant) *
            FROM content_summaries
            ORDER BY video_id, variant, revision DESC, created_at DESC
        $v$;
    END IF;
END
$$;
