package dev.ytv2.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestDatabase;
import dev.ytv2.support.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Databases as YTV2's own migrations and its users leave them ({@link UpstreamSchema}: after 001
 * only, after 001-004, with hand-added columns missing, without a `summaries` relation, with 005's
 * embedding columns of a type we do not know) are served as they are: migrations only add, every
 * row is listed, found and faceted, the image endpoints work on those rows, and the installation's
 * own writers keep working beside ours.
 */
@DbTest
class ExistingInstallationTest {

    @Nested
    class After001Only extends Contract {
        After001Only() {
            super(UpstreamSchema.AFTER_001);
        }
    }

    @Nested
    class After004 extends Contract {
        After004() {
            super(UpstreamSchema.AFTER_004);
        }
    }

    @Nested
    class PartialColumnsWithoutSummaries extends Contract {
        PartialColumnsWithoutSummaries() {
            super(UpstreamSchema.PARTIAL_COLUMNS);
        }
    }

    @Nested
    class WithEmbeddingColumns extends Contract {
        WithEmbeddingColumns() {
            super(UpstreamSchema.WITH_EMBEDDINGS);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class) // reads first, then the writes change the rows
    abstract static class Contract {
        private static final ObjectMapper MAPPER = new ObjectMapper();
        final UpstreamSchema.State state;
        TestServer server;
        Jdbi raw;
        Map<String, String> rowsBefore;
        Map<String, String> columnsBefore;
        Map<String, String> objectsBefore;

        Contract(UpstreamSchema.State state) {
            this.state = state;
        }

        @BeforeAll
        void start() {
            String url = TestDatabase.newDatabase();
            raw = Jdbi.create(TestDatabase.jdbcUrl(url), "postgres", "postgres");
            raw.useHandle(h -> {
                UpstreamSchema.create(h, state);
                UpstreamSchema.fill(h, state);
            });
            rowsBefore = rows();
            columnsBefore = columns();
            objectsBefore = objects();
            server = TestServer.start(url, env -> { });
        }

        @AfterAll
        void stop() {
            server.close();
        }

        /** Each row of the installation's tables as JSON, by table and key. */
        Map<String, String> rows() {
            Map<String, String> out = new TreeMap<>();
            raw.useHandle(h -> {
                h.createQuery("SELECT 'content ' || video_id, to_jsonb(c)::text FROM content c")
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
                h.createQuery("SELECT 'summary ' || id, to_jsonb(s)::text FROM content_summaries s")
                        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
            });
            return out;
        }

        Map<String, String> columns() {
            Map<String, String> out = new TreeMap<>();
            raw.useHandle(h -> h.createQuery("""
                            SELECT table_name || '.' || column_name, data_type || ' ' || udt_name || ' ' || is_nullable
                                   || ' ' || coalesce(column_default, '')
                            FROM information_schema.columns WHERE table_schema = 'public'""")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> out.put(e.getKey(), e.getValue())));
            return out;
        }

        /** Views, functions, triggers, indexes and constraints, each with its definition. */
        Map<String, String> objects() {
            Map<String, String> out = new TreeMap<>();
            raw.useHandle(h -> h.createQuery("""
                            SELECT 'view ' || viewname, definition FROM pg_views WHERE schemaname = 'public'
                            UNION ALL SELECT 'function ' || p.proname, p.prosrc FROM pg_proc p
                                JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND p.proname NOT LIKE 'ytv2_%'
                                AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'plpgsql')
                            UNION ALL SELECT 'trigger ' || tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
                            UNION ALL SELECT 'index ' || indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
                            UNION ALL SELECT 'constraint ' || conname, pg_get_constraintdef(oid) FROM pg_constraint
                                WHERE connamespace = 'public'::regnamespace""")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> out.put(e.getKey(), e.getValue())));
            return out;
        }

        @Test
        @Order(1)
        void migrationsOnlyAddNothingIsRemovedRetypedOrRewritten() throws Exception {
            assertThat(columns()).containsAllEntriesOf(columnsBefore);
            assertThat(objects()).as("the installation's views, functions, triggers, indexes").containsAllEntriesOf(objectsBefore);
            Map<String, String> after = rows();
            assertThat(after.keySet()).isEqualTo(rowsBefore.keySet());
            for (Map.Entry<String, String> row : rowsBefore.entrySet()) {
                JsonNode was = MAPPER.readTree(row.getValue());
                JsonNode now = MAPPER.readTree(after.get(row.getKey()));
                for (Iterator<String> it = was.fieldNames(); it.hasNext(); ) {
                    String column = it.next();
                    assertThat(now.get(column)).as(row.getKey() + " " + column).isEqualTo(was.get(column));
                }
            }
            assertThat(raw.<String, RuntimeException>withHandle(h -> h.createQuery("SELECT jsonb_typeof(analysis_json) FROM content WHERE video_id = 'reddit:powerB1'")
                    .mapTo(String.class).one())).as("a document stored as a string stays one").isEqualTo("string");
        }

        @Test
        @Order(2)
        void everyRowIsListedShownSearchedAndFaceted() {
            JsonNode list = server.getJson("/api/reports?size=100");
            assertThat(list.path("pagination").path("total").asInt()).isEqualTo(4);
            assertThat(ids(list)).containsExactlyInAnyOrder("yt:keeperAAAA1", "dQw4w9WgXcQ", "reddit:powerB1", "web:sourdough0ff");

            JsonNode a = server.getJson("/api/reports/yt:keeperAAAA1");
            assertThat(a.path("analysis").path("summary_image_variants")).hasSize(3);
            assertThat(a.toString()).contains("Keepers tended the lamps").doesNotContain("First draft about keepers");
            assertThat(a.path("summary_image_url").asText()).as("the A1 selection, from the column or the document")
                    .isEqualTo("/exports/images/legacy/a1-2.png");
            if (state.handAdded().contains(UpstreamSchema.HandAdded.MEDIA)) {
                assertThat(a.path("media").path("audio_url").asText()).isEqualTo("/exports/audio/audio_keeperAAAA1_20240101.mp3");
            }
            if (state.handAdded().contains(UpstreamSchema.HandAdded.TRANSCRIPT_SEGMENTS)) {
                assertThat(a.path("transcript_segments").get(1).path("start").asDouble()).isEqualTo(4.2);
                assertThat(a.path("transcript_segments").get(1).path("text").asText()).isEqualTo("The lamp must never go out.");
            }
            if (state.handAdded().contains(UpstreamSchema.HandAdded.TRANSCRIPT_TEXT)) {
                assertThat(a.path("transcript_text").asText()).startsWith("Welcome aboard.");
            }
            assertThat(list.toString()).as("list rows never carry transcripts").doesNotContain("transcript");
            JsonNode b = server.getJson("/api/reports/reddit:powerB1");
            assertThat(b.path("analysis").path("category").toString()).contains("Technology");
            assertThat(b.path("analysis").path("summary_image_ai2_prompt").asText()).isEqualTo("a glowing rack");
            assertThat(b.path("content_source").asText()).isEqualTo("reddit");
            assertThat(server.getJson("/api/reports/dQw4w9WgXcQ").path("title").asText()).isEqualTo("Bare id from an older worker");
            assertThat(server.getJson("/api/reports/yt:dQw4w9WgXcQ").path("video_id").asText()).isEqualTo("dQw4w9WgXcQ");
            assertThat(server.getJson("/api/reports/web:sourdough0ff").path("content_source").asText()).isEqualTo("web");

            assertThat(ids(server.getJson("/api/reports?q=lamps"))).containsExactly("yt:keeperAAAA1");
            assertThat(ids(server.getJson("/api/reports?q=draft"))).as("older revisions are not searched").isEmpty();
            assertThat(ids(server.getJson("/api/reports?q=fermentation"))).containsExactly("web:sourdough0ff");
            assertThat(ids(server.getJson("/api/reports?category=Technology"))).containsExactly("reddit:powerB1");
            assertThat(ids(server.getJson("/api/reports?has_audio=true"))).containsExactly("yt:keeperAAAA1");
            assertThat(ids(server.getJson("/api/reports?summary_type=key-insights"))).containsExactly("web:sourdough0ff");
            JsonNode facets = server.getJson("/api/filters");
            assertThat(facets.toString()).contains("\"History\"").contains("\"Maritime\"").contains("\"Technology\"")
                    .contains("\"Music\"").contains("\"reddit\"").contains("\"web\"").contains("\"youtube\"")
                    .contains("\"key-insights\"").contains("\"bullet-points\"");
        }

        @Test
        @Order(3)
        void theImageEndpointsWorkOnExistingRowsByUrl() {
            ok("/api/set-image-prompt", "{\"video_id\":\"yt:keeperAAAA1\",\"mode\":\"ai1\",\"prompt\":\"a lighthouse in fog\"}");
            ok("/api/select-image-variant", "{\"video_id\":\"yt:keeperAAAA1\",\"mode\":\"ai1\",\"url\":\"/exports/images/legacy/a1-1.png\"}");
            ok("/api/select-image-variant", "{\"video_id\":\"yt:keeperAAAA1\",\"mode\":\"ai2\",\"url\":\"/exports/images/legacy/ai2-1.png\"}");
            ok("/api/star-image-variant", "{\"video_id\":\"yt:keeperAAAA1\",\"url\":\"/exports/images/legacy/a1-2.png\",\"starred\":true}");
            ok("/api/delete-image-variant", "{\"video_id\":\"yt:keeperAAAA1\",\"url\":\"/exports/images/legacy/ai2-1.png\"}");
            ok("/api/restore-image-variant", "{\"video_id\":\"yt:keeperAAAA1\",\"url\":\"/exports/images/legacy/ai2-1.png\"}");
            ok("/api/set-image-prompt", "{\"video_id\":\"reddit:powerB1\",\"mode\":\"ai2\",\"prompt\":\"a humming rack\"}");
            ok("/api/select-image-variant", "{\"video_id\":\"reddit:powerB1\",\"mode\":\"ai2\",\"url\":\"/exports/images/legacy/b-ai2.png\"}");
            ok("/api/set-image-display-mode", "{\"video_id\":\"dQw4w9WgXcQ\",\"mode\":\"og\"}");

            JsonNode a = server.getJson("/api/reports/yt:keeperAAAA1");
            assertThat(a.path("analysis").path("summary_image_prompt").asText()).isEqualTo("a lighthouse in fog");
            assertThat(a.path("analysis").path("summary_image_prompt_last_used").asText()).isEqualTo("a lighthouse at dusk");
            assertThat(a.path("analysis").path("summary_image_ai2_url").asText()).isEqualTo("/exports/images/legacy/ai2-1.png");
            assertThat(a.path("summary_image_url").asText()).isEqualTo("/exports/images/legacy/a1-1.png");
            assertThat(a.path("analysis").path("summary_image_selected_url").asText()).isEqualTo("/exports/images/legacy/a1-1.png");
            JsonNode b = server.getJson("/api/reports/reddit:powerB1").path("analysis");
            assertThat(b.path("summary_image_ai2_url").asText()).isEqualTo("/exports/images/legacy/b-ai2.png");
            assertThat(b.path("category").toString()).as("the string document's own keys are kept").contains("Technology");
            assertThat(b.path("subcategory").asText()).isEqualTo("Home Lab");
            assertThat(server.getJson("/api/reports/dQw4w9WgXcQ").path("analysis").path("summary_image_display_mode").asText()).isEqualTo("og");
        }

        @Test
        @Order(4)
        void theInstallationsOwnWritersKeepWorkingBesideOurs() {
            // The upstream way of adding a revision: insert it; its trigger marks it latest.
            raw.useHandle(h -> h.execute("""
                    INSERT INTO content_summaries (video_id, variant, text, html, revision)
                    VALUES ('yt:keeperAAAA1', 'comprehensive', 'Fog signals replaced the keepers.', '<p>Fog signals.</p>', 3)"""));
            assertThat(ids(server.getJson("/api/reports?q=signals"))).containsExactly("yt:keeperAAAA1");
            assertThat(ids(server.getJson("/api/reports?q=lamps"))).isEmpty();
            raw.useHandle(h -> h.createUpdate("UPDATE content SET analysis_json = to_jsonb(CAST(:doc AS text)) WHERE video_id = 'web:sourdough0ff'")
                    .bind("doc", "{\"category\": [\"Cooking\"], \"content_type\": \"Article\"}").execute());
            assertThat(ids(server.getJson("/api/reports?category=Cooking"))).containsExactly("web:sourdough0ff");

            // Our ingest, under the installation's triggers and constraints.
            server.ingest(server.object().put("video_id", "yt:newcomer0001").put("title", "A newcomer")
                    .set("summary_variants", server.mapper.createArrayNode().add(server.object().put("variant", "comprehensive")
                            .put("text", "Fresh text about tides."))));
            server.ingest(server.object().put("video_id", "yt:newcomer0001")
                    .set("summary_variants", server.mapper.createArrayNode().add(server.object().put("variant", "comprehensive")
                            .put("text", "Revised text about currents."))));
            assertThat(ids(server.getJson("/api/reports?q=currents"))).containsExactly("yt:newcomer0001");
            assertThat(ids(server.getJson("/api/reports?q=tides"))).isEmpty();
            List<Boolean> latest = raw.withHandle(h -> h.createQuery(
                    "SELECT is_latest FROM content_summaries WHERE video_id = 'yt:newcomer0001' ORDER BY revision").mapTo(Boolean.class).list());
            assertThat(latest).containsExactly(false, true);
            assertThat(raw.<String, RuntimeException>withHandle(h -> h.createQuery("SELECT text FROM v_latest_summaries WHERE video_id = 'yt:newcomer0001'")
                    .mapTo(String.class).one())).as("the installation's own view agrees").isEqualTo("Revised text about currents.");
        }

        private void ok(String path, String body) {
            HttpResponse<String> r = server.adminPost(path, body);
            assertThat(r.statusCode()).as(path + " " + body + " -> " + r.body()).isEqualTo(200);
        }

        private static List<String> ids(JsonNode page) {
            return page.path("reports").findValuesAsText("video_id").stream().distinct().toList();
        }
    }
}
