package dev.ytv2.db;

import org.jdbi.v3.core.Handle;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;

/**
 * A database as the Python YTV2 leaves it, written from what its migrations 001 to 005 create and
 * what live installations added by hand. Each {@link State} is one shape a real database can have.
 */
public final class UpstreamSchema {
    /** The columns the upstream server reads but no upstream migration creates. */
    public enum HandAdded {
        SUMMARY_IMAGE_URL("summary_image_url text"), MEDIA("media jsonb"), MEDIA_METADATA("media_metadata jsonb"),
        LANGUAGE("language text"), CONTENT_SOURCE("content_source text"), TRANSCRIPT_TEXT("transcript_text text"),
        TRANSCRIPT_SEGMENTS("transcript_segments jsonb");

        final String ddl;

        HandAdded(String ddl) {
            this.ddl = ddl;
        }

        public String column() {
            return ddl.substring(0, ddl.indexOf(' '));
        }
    }

    /** One shape of a real database: which migrations ran and what was added beside them. */
    public record State(String name, boolean through004, Set<HandAdded> handAdded, boolean summariesRelation,
                        boolean embeddingColumns) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static final State AFTER_001 = new State("after 001 only", false, EnumSet.noneOf(HandAdded.class), false, false);
    public static final State AFTER_004 = new State("after 001-004 with every hand-added column and summaries", true,
            EnumSet.allOf(HandAdded.class), true, false);
    public static final State PARTIAL_COLUMNS = new State("after 001-004, some hand-added columns missing, no summaries", true,
            EnumSet.of(HandAdded.MEDIA, HandAdded.TRANSCRIPT_TEXT), false, false);
    public static final State WITH_EMBEDDINGS = new State("after 001-005 (embedding of a custom type)", true,
            EnumSet.allOf(HandAdded.class), true, true);

    private UpstreamSchema() {
    }

    static final String M001 = """
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE TABLE content (
                video_id text PRIMARY KEY,
                id text UNIQUE,
                title text,
                channel_name text,
                thumbnail_url text,
                canonical_url text,
                published_at timestamptz,
                indexed_at timestamptz,
                duration_seconds integer,
                subcategories_json jsonb,
                topics_json jsonb,
                analysis_json jsonb,
                has_audio boolean DEFAULT false,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE content_summaries (
                id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                video_id text NOT NULL REFERENCES content(video_id) ON DELETE CASCADE,
                variant text NOT NULL,
                text text,
                html text,
                revision int NOT NULL DEFAULT 1,
                is_latest boolean NOT NULL DEFAULT false,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (video_id, variant, revision));
            CREATE VIEW v_latest_summaries AS
                SELECT DISTINCT ON (video_id, variant) id, video_id, variant, text, html, revision, is_latest, created_at, updated_at
                FROM content_summaries WHERE is_latest
                ORDER BY video_id, variant, created_at DESC, revision DESC;
            CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
            CREATE FUNCTION mark_latest_summary() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.is_latest := true;
                UPDATE content_summaries SET is_latest = false
                WHERE video_id = NEW.video_id AND variant = NEW.variant AND id <> NEW.id;
                RETURN NEW;
            END $$;
            CREATE TRIGGER trg_content_touch BEFORE UPDATE ON content FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
            CREATE TRIGGER trg_summaries_touch BEFORE UPDATE ON content_summaries FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
            CREATE TRIGGER trg_mark_latest BEFORE INSERT OR UPDATE ON content_summaries FOR EACH ROW
                WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION mark_latest_summary();
            CREATE INDEX idx_content_indexed_at ON content (indexed_at DESC);
            CREATE INDEX idx_content_channel ON content (channel_name);
            CREATE INDEX idx_content_has_audio ON content (has_audio);
            CREATE INDEX idx_content_title_trgm ON content USING gin (title gin_trgm_ops);
            CREATE INDEX idx_content_subcategories ON content USING gin (subcategories_json);
            CREATE INDEX idx_content_topics ON content USING gin (topics_json);
            CREATE INDEX idx_content_analysis ON content USING gin (analysis_json);
            """;

    /** 002 (both files), 003 and 004. The view is not recreated, so it has no summary_type. */
    static final String M002_TO_004 = """
            ALTER TABLE content_summaries ADD COLUMN summary_type text;
            ALTER TABLE content ADD COLUMN summary_type_latest text;
            CREATE INDEX idx_summaries_type ON content_summaries (summary_type);
            CREATE INDEX idx_content_summary_type_latest ON content (summary_type_latest);
            CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN NEW.updated_at := now(); RETURN NEW; END $$;
            CREATE OR REPLACE FUNCTION mark_latest_summary() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' OR NEW.is_latest THEN
                    NEW.is_latest := true;
                    UPDATE content_summaries SET is_latest = false
                    WHERE video_id = NEW.video_id AND variant = NEW.variant AND id <> NEW.id AND is_latest;
                END IF;
                RETURN NEW;
            END $$;
            CREATE INDEX idx_content_summary_type_latest_2 ON content (summary_type_latest);
            CREATE TABLE audio_artifacts (
                id bigserial PRIMARY KEY,
                video_id text NOT NULL,
                mode text NOT NULL CHECK (mode IN ('audio_current', 'audio_briefing')),
                scope text NOT NULL CHECK (scope IN ('summary_active', 'ponderings_visible', 'transcript_visible')),
                source_hash text,
                status text NOT NULL DEFAULT 'missing' CHECK (status IN ('missing', 'queued', 'generating', 'ready', 'failed')),
                audio_url text,
                duration_seconds integer,
                provider text,
                source_label text,
                error_message text,
                metadata jsonb DEFAULT '{}'::jsonb,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (video_id, mode, scope));
            CREATE TRIGGER trg_audio_artifacts_touch BEFORE UPDATE ON audio_artifacts FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
            """;

    /** 005 needs pgvector; a composite type stands in for `vector(3072)`: a column type we do not know. */
    static final String EMBEDDINGS = """
            CREATE TYPE fixture_vector AS (dims integer, head real[]);
            ALTER TABLE content ADD COLUMN embedding fixture_vector;
            ALTER TABLE content ADD COLUMN embedding_model text;
            ALTER TABLE content ADD COLUMN embedding_version text;
            ALTER TABLE content ADD COLUMN embedding_source_hash text;
            ALTER TABLE content ADD COLUMN embedding_updated_at timestamptz;
            """;

    static final String SUMMARIES = """
            CREATE TABLE summaries (id serial PRIMARY KEY, video_id text, summary_type text, summary text,
                created_at timestamptz DEFAULT now());
            """;

    public static void create(Handle h, State s) {
        run(h, M001);
        if (s.through004()) run(h, M002_TO_004);
        for (HandAdded c : s.handAdded()) h.execute("ALTER TABLE content ADD COLUMN " + c.ddl);
        if (s.summariesRelation()) run(h, SUMMARIES);
        if (s.embeddingColumns()) run(h, EMBEDDINGS);
    }

    /** As psql would: the whole script in one simple query, dollar-quoted bodies included. */
    static void run(Handle h, String script) {
        try (Statement st = h.getConnection().createStatement()) {
            st.execute(script);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Rows as the upstream writers leave them: bare and prefixed ids, a document stored as a JSON
     * string, one without any, variants without ids, several revisions of a summary; the hand-added
     * columns filled where the state has them.
     */
    public static void fill(Handle h, State s) {
        h.execute("""
                INSERT INTO content (video_id, id, title, channel_name, thumbnail_url, canonical_url, published_at, indexed_at,
                    duration_seconds, subcategories_json, topics_json, analysis_json, has_audio, created_at, updated_at) VALUES
                ('yt:keeperAAAA1', 'keeperAAAA1', 'Lighthouse keepers of the north', 'Old Channel',
                 'https://i.ytimg.com/vi/keeperAAAA1/hqdefault.jpg', 'https://www.youtube.com/watch?v=keeperAAAA1',
                 '2023-03-01T10:00:00Z', '2024-01-01T00:00:00Z', 610, '{"History": ["Maritime"]}', '["lighthouses", "keepers"]',
                 '{"category": ["History"], "subcategory": "Maritime", "content_type": "Documentary", "language": "en",
                   "key_topics": ["lighthouse"], "summary_image_prompt": "a lighthouse at dusk",
                   "summary_image_prompt_last_used": "a lighthouse at dusk",
                   "summary_image_selected_url": "/exports/images/legacy/a1-2.png",
                   "summary_image_variants": [
                     {"url": "/exports/images/legacy/a1-1.png", "prompt": "a lighthouse", "image_mode": "ai1", "model": "sdxl", "seed": 7, "created_at": "2024-01-01T00:00:00Z"},
                     {"url": "/exports/images/legacy/a1-2.png", "prompt": "a lighthouse at dusk", "image_mode": "ai1", "model": "sdxl", "seed": 8, "created_at": "2024-01-02T00:00:00Z"},
                     {"url": "/exports/images/legacy/ai2-1.png", "prompt": "freestyle light", "image_mode": "ai2", "model": "flux", "seed": 9, "created_at": "2024-01-03T00:00:00Z"}]}',
                 true, '2024-01-01T00:00:00Z', '2024-01-05T00:00:00Z'),
                ('dQw4w9WgXcQ', NULL, 'Bare id from an older worker', 'Music Channel', NULL,
                 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', '2019-01-01T00:00:00Z', '2020-06-01T00:00:00Z', 212,
                 NULL, NULL, '{"category": ["Music"], "content_type": "Music Video"}', false, '2020-06-01T00:00:00Z', '2020-06-01T00:00:00Z'),
                ('reddit:powerB1', 'reddit:powerB1', 'Homelab power bills', 'r/homelab', NULL,
                 'https://www.reddit.com/r/homelab/comments/powerB1', '2023-05-01T10:00:00Z', '2024-02-01T00:00:00Z', NULL, NULL, NULL,
                 to_jsonb('{"category": ["Technology"], "subcategory": "Home Lab", "content_type": "Discussion", "summary_image_ai2_prompt": "a glowing rack", "summary_image_variants": [{"url": "/exports/images/legacy/b-ai2.png", "prompt": "a glowing rack", "image_mode": "ai2", "created_at": "2024-02-01T00:00:00Z"}]}'::text),
                 false, '2024-02-01T00:00:00Z', '2024-02-01T00:00:00Z'),
                ('web:sourdough0ff', NULL, 'Sourdough at altitude', NULL, NULL, 'https://example.org/sourdough', NULL,
                 '2024-03-01T00:00:00Z', NULL, NULL, NULL, NULL, false, '2024-03-01T00:00:00Z', '2024-03-01T00:00:00Z');
                """);
        // Upstream's trigger marks each new revision latest and the older ones not.
        h.execute("""
                INSERT INTO content_summaries (video_id, variant, text, html, revision, created_at) VALUES
                ('yt:keeperAAAA1', 'comprehensive', 'First draft about keepers.', '<p>First draft</p>', 1, '2024-01-01T00:00:00Z')""");
        h.execute("""
                INSERT INTO content_summaries (video_id, variant, text, html, revision, created_at) VALUES
                ('yt:keeperAAAA1', 'comprehensive', 'Keepers tended the lamps through storms.', '<p>Keepers tended the lamps.</p>', 2, '2024-01-02T00:00:00Z')""");
        h.execute("""
                INSERT INTO content_summaries (video_id, variant, text, html, revision, created_at) VALUES
                ('yt:keeperAAAA1', 'audio', 'Narrated version.', NULL, 1, '2024-01-02T00:00:00Z'),
                ('dQw4w9WgXcQ', 'key-points', 'A song about never giving up.', '<ul><li>Never giving up.</li></ul>', 1, '2020-06-01T00:00:00Z'),
                ('reddit:powerB1', 'bullet-points', 'Idle servers draw watts.', '<ul><li>Idle servers draw watts.</li></ul>', 1, '2024-02-01T00:00:00Z'),
                ('web:sourdough0ff', 'key-insights', 'Lower pressure speeds fermentation.', NULL, 1, '2024-03-01T00:00:00Z')""");
        if (s.through004()) {
            h.execute("UPDATE content_summaries SET summary_type = variant WHERE video_id <> 'web:sourdough0ff'");
            h.execute("UPDATE content SET summary_type_latest = 'comprehensive' WHERE video_id = 'yt:keeperAAAA1'");
        }
        Set<HandAdded> cols = s.handAdded();
        if (cols.contains(HandAdded.SUMMARY_IMAGE_URL))
            h.execute("UPDATE content SET summary_image_url = '/exports/images/legacy/a1-2.png' WHERE video_id = 'yt:keeperAAAA1'");
        if (cols.contains(HandAdded.MEDIA))
            h.execute("UPDATE content SET media = '{\"has_audio\": true, \"audio_url\": \"/exports/audio/audio_keeperAAAA1_20240101.mp3\"}' WHERE video_id = 'yt:keeperAAAA1'");
        if (cols.contains(HandAdded.MEDIA_METADATA))
            h.execute("UPDATE content SET media_metadata = '{\"mp3_duration_seconds\": 598}' WHERE video_id = 'yt:keeperAAAA1'");
        if (cols.contains(HandAdded.LANGUAGE)) h.execute("UPDATE content SET language = 'en' WHERE video_id LIKE 'reddit:%'");
        if (cols.contains(HandAdded.CONTENT_SOURCE)) h.execute("UPDATE content SET content_source = 'reddit' WHERE video_id LIKE 'reddit:%'");
        if (cols.contains(HandAdded.TRANSCRIPT_TEXT))
            h.execute("UPDATE content SET transcript_text = 'Welcome aboard. The lamp must never go out.' WHERE video_id = 'yt:keeperAAAA1'");
        if (cols.contains(HandAdded.TRANSCRIPT_SEGMENTS))
            h.execute("""
                    UPDATE content SET transcript_segments = '[{"start": 0.0, "duration": 4.2, "text": "Welcome aboard."},
                        {"start": 4.2, "duration": 5.0, "text": "The lamp must never go out."}]' WHERE video_id = 'yt:keeperAAAA1'""");
        if (s.summariesRelation())
            h.execute("INSERT INTO summaries (video_id, summary_type, summary) VALUES ('yt:keeperAAAA1', 'comprehensive', 'old table')");
        if (s.embeddingColumns())
            h.execute("""
                    UPDATE content SET embedding = ROW(3072, ARRAY[0.1, 0.2]::real[])::fixture_vector,
                        embedding_model = 'text-embedding-3-large', embedding_version = '1',
                        embedding_source_hash = 'ab12', embedding_updated_at = '2024-04-01T00:00:00Z' WHERE video_id = 'yt:keeperAAAA1'""");
    }
}
