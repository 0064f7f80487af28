package dev.ytv2.db;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.support.TestDatabase;
import dev.ytv2.support.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An existing YTV2 installation's database (its own plain tables, view and rows, with image fields
 * an external worker wrote: variants without ids, selected URLs, a document stored as a JSON string)
 * is served as it is: migrations only add, every row is listed, found and faceted, and the memo's
 * image endpoints work on those rows by URL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // reads first, then the writes change the rows
class ExistingInstallationTest {
    static final String SCHEMA = """
            CREATE TABLE content (
                video_id text PRIMARY KEY, id text UNIQUE, title text, channel_name text, content_source text,
                published_at timestamp with time zone, duration_seconds integer, thumbnail_url text, canonical_url text,
                summary_image_url text, language text, subcategories_json jsonb, topics_json jsonb, analysis_json jsonb,
                media jsonb, media_metadata jsonb, has_audio boolean, indexed_at timestamp with time zone,
                created_at timestamp with time zone DEFAULT now(), updated_at timestamp with time zone DEFAULT now());
            CREATE TABLE content_summaries (
                id serial PRIMARY KEY, video_id text REFERENCES content(video_id) ON DELETE CASCADE, variant text,
                summary_type text, text text, html text, revision integer, is_latest boolean, created_at timestamp with time zone);
            CREATE VIEW v_latest_summaries AS
                SELECT video_id, variant, summary_type, text, html, revision, created_at FROM content_summaries WHERE is_latest;
            """;
    static final String ROWS = """
            INSERT INTO content VALUES
            ('yt:legacyAAAA1', 'yt:legacyAAAA1', 'Legacy lighthouse keepers', 'Old Channel', 'youtube', '2023-03-01T10:00:00Z', 610,
             'https://i.ytimg.com/vi/legacyAAAA1/hq.jpg', 'https://www.youtube.com/watch?v=legacyAAAA1', '/exports/images/legacy/a1-2.png',
             'en', '{"History": ["Maritime"]}', '["lighthouses", "keepers"]',
             '{"category": ["History"], "subcategory": "Maritime", "content_type": "Documentary", "key_topics": ["lighthouse"],
               "summary_image_prompt": "a lighthouse at dusk", "summary_image_prompt_last_used": "a lighthouse at dusk",
               "summary_image_selected_url": "/exports/images/legacy/a1-2.png",
               "summary_image_variants": [
                 {"url": "/exports/images/legacy/a1-1.png", "prompt": "a lighthouse", "image_mode": "ai1", "model": "sdxl", "seed": 7, "created_at": "2024-01-01T00:00:00Z"},
                 {"url": "/exports/images/legacy/a1-2.png", "prompt": "a lighthouse at dusk", "image_mode": "ai1", "model": "sdxl", "seed": 8, "created_at": "2024-01-02T00:00:00Z"},
                 {"url": "/exports/images/legacy/ai2-1.png", "prompt": "freestyle light", "image_mode": "ai2", "model": "flux", "seed": 9, "created_at": "2024-01-03T00:00:00Z"}]}',
             '{"has_audio": true, "audio_url": "/exports/audio/legacy/a.mp3"}', '{"uploader": "Old Channel"}', true,
             '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', '2024-01-05T00:00:00Z'),
            ('reddit:legacyB1', 'reddit:legacyB1', 'Homelab power bills', 'r/homelab', 'reddit', '2023-05-01T10:00:00Z', NULL,
             NULL, 'https://www.reddit.com/r/homelab/comments/legacyB1', NULL, 'en', NULL, NULL,
             to_jsonb('{"category": ["Technology"], "content_type": "Discussion", "summary_image_ai2_prompt": "a glowing rack", "summary_image_variants": [{"url": "/exports/images/legacy/b-ai2.png", "prompt": "a glowing rack", "image_mode": "ai2", "created_at": "2024-02-01T00:00:00Z"}]}'::text),
             NULL, NULL, false, '2024-02-01T00:00:00Z', '2024-02-01T00:00:00Z', '2024-02-01T00:00:00Z'),
            ('web:legacyc0ffee', NULL, 'Sourdough at altitude', NULL, NULL, NULL, NULL, NULL, 'https://example.org/sourdough', NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, '2024-03-01T00:00:00Z', '2024-03-01T00:00:00Z', '2024-03-01T00:00:00Z');
            INSERT INTO content_summaries (video_id, variant, summary_type, text, html, revision, is_latest, created_at) VALUES
            ('yt:legacyAAAA1', 'comprehensive', 'comprehensive', 'First draft about keepers.', '<p>First draft</p>', 1, false, '2024-01-01T00:00:00Z'),
            ('yt:legacyAAAA1', 'comprehensive', 'comprehensive', 'Keepers tended the lamps through storms.', '<p>Keepers tended the lamps.</p>', 2, true, '2024-01-02T00:00:00Z'),
            ('yt:legacyAAAA1', 'audio', 'audio', 'Narrated version.', NULL, 1, true, '2024-01-02T00:00:00Z'),
            ('reddit:legacyB1', 'bullet-points', 'bullet-points', 'Idle servers draw watts.', '<ul><li>Idle servers draw watts.</li></ul>', 1, true, '2024-02-01T00:00:00Z'),
            ('web:legacyc0ffee', 'key-insights', NULL, 'Lower pressure speeds fermentation.', NULL, 1, true, '2024-03-01T00:00:00Z');
            """;
    static final String SNAPSHOT = """
            SELECT 'content ' || c.video_id || ' ' || row_to_json(c)::text FROM content c
            UNION ALL SELECT 'summary ' || s.id || ' ' || row_to_json(s)::text FROM content_summaries s
            ORDER BY 1""";
    static TestServer server;
    static Jdbi raw;
    static List<String> before;
    static Map<String, String> columnsBefore;

    @BeforeAll
    static void start() {
        String url = TestDatabase.newDatabase();
        raw = Jdbi.create(TestDatabase.jdbcUrl(url), "postgres", "postgres");
        raw.useHandle(h -> {
            h.createScript(SCHEMA).execute();
            h.createScript(ROWS).execute();
        });
        before = snapshot();
        columnsBefore = columns();
        server = TestServer.start(url, env -> { });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every pre-existing column and value, as the installation's own columns show them. */
    static List<String> snapshot() {
        return raw.withHandle(h -> h.createQuery(SNAPSHOT.replace("row_to_json(c)", "row_to_json((SELECT x FROM (SELECT "
                        + "c.video_id, c.id, c.title, c.channel_name, c.content_source, c.published_at, c.duration_seconds, c.thumbnail_url, "
                        + "c.canonical_url, c.summary_image_url, c.language, c.subcategories_json, c.topics_json, c.analysis_json, c.media, "
                        + "c.media_metadata, c.has_audio, c.indexed_at, c.created_at, c.updated_at) x))")
                .replace("row_to_json(s)", "row_to_json((SELECT x FROM (SELECT s.id, s.video_id, s.variant, s.summary_type, s.text, "
                        + "s.html, s.revision, s.is_latest, s.created_at) x))")).mapTo(String.class).list());
    }

    static Map<String, String> columns() {
        List<String> rows = raw.withHandle(h -> h.createQuery("""
                        SELECT table_name || '.' || column_name || '=' || data_type FROM information_schema.columns
                        WHERE table_schema = 'public' AND table_name IN ('content', 'content_summaries', 'v_latest_summaries')""")
                .mapTo(String.class).list());
        Map<String, String> out = new java.util.TreeMap<>();
        for (String row : rows) out.put(row.substring(0, row.indexOf('=')), row.substring(row.indexOf('=') + 1));
        return out;
    }

    @Test
    @Order(1)
    void migrationsOnlyAddColumnsRowsAndValuesStayAsTheyWere() {
        assertThat(columns()).containsAllEntriesOf(columnsBefore);
        assertThat(snapshot()).isEqualTo(before);
        String view = raw.withHandle(h -> h.createQuery("SELECT definition FROM pg_views WHERE viewname = 'v_latest_summaries'")
                .mapTo(String.class).one());
        assertThat(view).as("the installation's own view is kept").contains("is_latest");
    }

    @Test
    @Order(2)
    void everyExistingRowIsListedShownSearchedAndFaceted() {
        JsonNode list = server.getJson("/api/reports?size=100");
        assertThat(list.path("pagination").path("total").asInt()).isEqualTo(3);
        for (String id : List.of("yt:legacyAAAA1", "reddit:legacyB1", "web:legacyc0ffee")) {
            JsonNode detail = server.getJson("/api/reports/" + id);
            assertThat(detail.path("video_id").asText()).isEqualTo(id);
        }
        JsonNode a = server.getJson("/api/reports/yt:legacyAAAA1");
        assertThat(a.path("summary_image_url").asText()).isEqualTo("/exports/images/legacy/a1-2.png");
        assertThat(a.path("analysis").path("summary_image_variants")).hasSize(3);
        assertThat(a.path("media").path("audio_url").asText()).isEqualTo("/exports/audio/legacy/a.mp3");
        assertThat(a.toString()).contains("Keepers tended the lamps").doesNotContain("First draft about keepers");
        JsonNode b = server.getJson("/api/reports/reddit:legacyB1");
        assertThat(b.path("analysis").path("summary_image_ai2_prompt").asText()).isEqualTo("a glowing rack");
        assertThat(server.getJson("/api/reports/web:legacyc0ffee").path("content_source").asText()).isEqualTo("web");

        assertThat(ids(server.getJson("/api/reports?q=lamps"))).containsExactly("yt:legacyAAAA1");
        assertThat(ids(server.getJson("/api/reports?q=fermentation"))).containsExactly("web:legacyc0ffee");
        assertThat(ids(server.getJson("/api/reports?category=Technology"))).containsExactly("reddit:legacyB1");
        assertThat(ids(server.getJson("/api/reports?has_audio=true"))).containsExactly("yt:legacyAAAA1");
        JsonNode facets = server.getJson("/api/filters");
        assertThat(facets.toString()).contains("\"History\"").contains("\"Maritime\"").contains("\"Technology\"")
                .contains("\"reddit\"").contains("\"web\"").contains("\"key-insights\"");
    }

    @Test
    @Order(3)
    void theMemosImageEndpointsWorkOnExistingRowsByUrl() {
        ok("/api/set-image-prompt", "{\"video_id\":\"yt:legacyAAAA1\",\"mode\":\"ai1\",\"prompt\":\"a lighthouse in fog\"}");
        ok("/api/select-image-variant", "{\"video_id\":\"yt:legacyAAAA1\",\"mode\":\"ai1\",\"url\":\"/exports/images/legacy/a1-1.png\"}");
        ok("/api/select-image-variant", "{\"video_id\":\"yt:legacyAAAA1\",\"mode\":\"ai2\",\"url\":\"/exports/images/legacy/ai2-1.png\"}");
        ok("/api/star-image-variant", "{\"video_id\":\"yt:legacyAAAA1\",\"url\":\"/exports/images/legacy/a1-2.png\",\"starred\":true}");
        ok("/api/delete-image-variant", "{\"video_id\":\"yt:legacyAAAA1\",\"url\":\"/exports/images/legacy/a1-1.png\"}");
        ok("/api/restore-image-variant", "{\"video_id\":\"yt:legacyAAAA1\",\"url\":\"/exports/images/legacy/a1-1.png\"}");
        ok("/api/set-image-prompt", "{\"video_id\":\"reddit:legacyB1\",\"mode\":\"ai2\",\"prompt\":\"a humming rack\"}");
        ok("/api/select-image-variant", "{\"video_id\":\"reddit:legacyB1\",\"mode\":\"ai2\",\"url\":\"/exports/images/legacy/b-ai2.png\"}");
        ok("/api/star-image-variant", "{\"video_id\":\"reddit:legacyB1\",\"url\":\"/exports/images/legacy/b-ai2.png\",\"starred\":true}");

        JsonNode a = server.getJson("/api/reports/yt:legacyAAAA1").path("analysis");
        assertThat(a.path("summary_image_prompt").asText()).isEqualTo("a lighthouse in fog");
        assertThat(a.path("summary_image_prompt_last_used").asText()).as("left to the worker").isEqualTo("a lighthouse at dusk");
        assertThat(a.path("summary_image_ai2_url").asText()).isEqualTo("/exports/images/legacy/ai2-1.png");
        assertThat(a.path("summary_image_variants")).hasSize(3);
        JsonNode b = server.getJson("/api/reports/reddit:legacyB1");
        assertThat(b.path("analysis").path("summary_image_ai2_url").asText()).isEqualTo("/exports/images/legacy/b-ai2.png");
        assertThat(b.path("analysis").path("category").toString()).contains("Technology");
        // The legacy columns the writes did not own are untouched.
        String row = raw.<String, RuntimeException>withHandle(h -> h.createQuery("SELECT media::text || subcategories_json::text FROM content WHERE video_id = 'yt:legacyAAAA1'")
                .mapTo(String.class).one());
        assertThat(row).contains("/exports/audio/legacy/a.mp3").contains("Maritime");
    }

    @Test
    @Order(4)
    void anExternalWriterChangingAStringEncodedDocumentKeepsItsFacetsCurrent() {
        raw.useHandle(h -> h.execute("UPDATE content SET analysis_json = to_jsonb(:doc::text) WHERE video_id = 'web:legacyc0ffee'"
                .replace(":doc", "'{\"category\": [\"Cooking\"], \"content_type\": \"Article\"}'")));
        assertThat(ids(server.getJson("/api/reports?category=Cooking"))).containsExactly("web:legacyc0ffee");
        assertThat(ids(server.getJson("/api/reports?content_type=Article"))).containsExactly("web:legacyc0ffee");
    }

    private static void ok(String path, String body) {
        HttpResponse<String> r = server.adminPost(path, body);
        assertThat(r.statusCode()).as(path + " " + body + " -> " + r.body()).isEqualTo(200);
    }

    private static List<String> ids(JsonNode page) {
        return page.path("reports").findValuesAsText("video_id").stream().distinct().toList();
    }
}
