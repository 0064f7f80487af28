package dev.ytv2.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DbTest
class IngestTest {
    static TestServer server;
    static Jdbi jdbi;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        jdbi = server.running.database().jdbi();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private ObjectNode basic(String id, String title) {
        return Fixtures.report(server, id, title, "Chan", "youtube", "Science", "Physics", "en", "Explainer", 100,
                "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z", "First summary.");
    }

    @Test
    void newReportIsCreatedThenUpdatedWithA201Then200() {
        var first = server.post("/ingest/report", basic("yt:ingest00001", "One").toString(), "X-INGEST-TOKEN", TestServer.INGEST);
        assertThat(first.statusCode()).isEqualTo(201);
        var second = server.post("/ingest/report", basic("yt:ingest00001", "One, renamed").toString(), "Authorization", "Bearer " + TestServer.INGEST);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(server.getJson("/api/reports/yt:ingest00001").get("title").asText()).isEqualTo("One, renamed");
    }

    @Test
    void reIngestKeepsImageFieldsPromptsVariantsAndAudio() {
        server.ingest(basic("yt:ingest00002", "Keeps images"));
        // As the render worker and audio ingest would have written them.
        jdbi.useHandle(h -> h.execute("""
                UPDATE content SET summary_image_url = '/exports/images/x/a1.png', has_audio = true,
                  media = '{"has_audio": true, "audio_url": "/exports/audio/r/a.mp3"}',
                  analysis_json = analysis_json || '{"summary_image_prompt": "p1", "summary_image_prompt_last_used": "p1",
                    "summary_image_prompt_original": "p0", "summary_image_ai2_url": "/exports/images/x/b.png",
                    "summary_image_variants": [{"id": "v1", "url": "/exports/images/x/a1.png", "image_mode": "ai1"}]}'
                WHERE video_id = 'yt:ingest00002'"""));
        ObjectNode again = basic("yt:ingest00002", "Keeps images, new title");
        ((ObjectNode) again.get("analysis_json")).put("summary_image_prompt", "stale prompt from the worker");
        ((ObjectNode) again.get("analysis_json")).putArray("summary_image_variants");
        again.putObject("media").put("has_audio", false).put("audio_url", (String) null).put("transcript_lang", "en");
        again.put("has_audio", false);
        server.ingest(again);

        JsonNode r = server.getJson("/api/reports/yt:ingest00002");
        assertThat(r.get("title").asText()).isEqualTo("Keeps images, new title");
        assertThat(r.get("summary_image_url").asText()).isEqualTo("/exports/images/x/a1.png");
        JsonNode a = r.get("analysis");
        assertThat(a.get("summary_image_prompt").asText()).isEqualTo("p1");
        assertThat(a.get("summary_image_prompt_original").asText()).isEqualTo("p0");
        assertThat(a.get("summary_image_ai2_url").asText()).isEqualTo("/exports/images/x/b.png");
        assertThat(a.get("summary_image_variants")).hasSize(1);
        assertThat(r.get("media").get("has_audio").asBoolean()).isTrue();
        assertThat(r.get("media").get("audio_url").asText()).isEqualTo("/exports/audio/r/a.mp3");
    }

    @Test
    void aChangedSummaryBecomesANewRevisionAndAnUnchangedOneDoesNot() {
        server.ingest(basic("yt:ingest00003", "Revisions"));
        JsonNode same = server.ingest(basic("yt:ingest00003", "Revisions"));
        assertThat(same.get("summary_revisions").asInt()).isZero();
        ObjectNode changed = basic("yt:ingest00003", "Revisions");
        ((ObjectNode) changed.get("summary_variants").get(0)).put("text", "Second summary.").put("html", "<p>Second summary.</p>");
        changed.withArray("summary_variants").addObject().put("variant", "bullet-points").put("text", "- a");
        JsonNode result = server.ingest(changed);
        assertThat(result.get("summary_revisions").asInt()).isEqualTo(2);
        JsonNode detail = server.getJson("/api/reports/yt:ingest00003");
        assertThat(detail.get("summary_variants")).hasSize(2);
        // The reader's preferred variant comes first.
        JsonNode comprehensive = detail.get("summary_variants").get(0);
        assertThat(comprehensive.get("variant").asText()).isEqualTo("comprehensive");
        assertThat(detail.get("summary_variants").get(1).get("variant").asText()).isEqualTo("bullet-points");
        assertThat(comprehensive.get("revision").asInt()).isEqualTo(2);
        assertThat(comprehensive.get("text").asText()).isEqualTo("Second summary.");
        int rows = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM content_summaries WHERE video_id = 'yt:ingest00003'").mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(3);
        assertThat(server.getJson("/api/reports?q=second&ids=yt:ingest00003").get("reports")).hasSize(1);
        assertThat(server.getJson("/api/reports?q=first&ids=yt:ingest00003").get("reports")).isEmpty();
    }

    @Test
    void bareIdsArePrefixedBySourceAndJsonStringDocumentsAreAccepted() {
        ObjectNode r = server.object();
        r.put("video_id", "BareId12345");
        r.put("canonical_url", "https://www.youtube.com/watch?v=BareId12345");
        r.put("title", "Bare");
        r.put("analysis_json", "{\"category\": [\"Music\"], \"content_type\": \"Review\"}");
        r.put("topics_json", "[\"jazz\"]");
        r.put("duration_seconds", "61.4");
        JsonNode out = server.ingest(r);
        assertThat(out.get("video_id").asText()).isEqualTo("yt:BareId12345");
        JsonNode detail = server.getJson("/api/reports/BareId12345");
        assertThat(detail.get("content_source").asText()).isEqualTo("youtube");
        assertThat(detail.get("duration_seconds").asInt()).isEqualTo(61);
        assertThat(detail.get("analysis").get("category").get(0).asText()).isEqualTo("Music");
        assertThat(detail.get("topics").get(0).asText()).isEqualTo("jazz");
        // Re-ingesting by the bare id updates the same report instead of making a second one.
        r.put("title", "Bare again");
        assertThat(server.ingest(r).get("created").asBoolean()).isFalse();
        assertThat(server.getJson("/api/reports/yt:BareId12345").get("title").asText()).isEqualTo("Bare again");
    }

    @Test
    void sourceIsInferredFromTheUrlWhenAbsent() {
        ObjectNode r = server.object().put("video_id", "abc999").put("title", "Thread")
                .put("canonical_url", "https://www.reddit.com/r/java/comments/abc999/x");
        assertThat(server.ingest(r).get("video_id").asText()).isEqualTo("reddit:abc999");
        assertThat(server.getJson("/api/reports/reddit:abc999").get("content_source").asText()).isEqualTo("reddit");
    }

    @Test
    void ingestNeedsTheIngestToken() {
        String body = basic("yt:ingest00004", "Auth").toString();
        assertThat(server.post("/ingest/report", body).statusCode()).isEqualTo(401);
        assertThat(server.post("/ingest/report", body, "X-INGEST-TOKEN", "wrong").statusCode()).isEqualTo(401);
        assertThat(server.get("/api/reports/yt:ingest00004").statusCode()).isEqualTo(404);
    }

    @Test
    void theImporterReadsAnObjectAnArrayAndJsonLines() throws Exception {
        Importer importer = new Importer(server.running.services().writer(), server.mapper);
        List<String> problems = new ArrayList<>();
        String object = basic("yt:import00001", "Imported one").toString();
        String array = "[" + basic("yt:import00002", "Two") + "," + basic("yt:import00003", "Three") + "]";
        String lines = basic("yt:import00004", "Four") + "\n" + basic("yt:import00005", "Five") + "\n{\"title\": \"no id\"}\n";
        assertThat(importer.load(stream(object), problems::add, t -> { }).imported()).isEqualTo(1);
        assertThat(importer.load(stream(array), problems::add, t -> { }).imported()).isEqualTo(2);
        Importer.Tally tally = importer.load(stream(lines), problems::add, t -> { });
        assertThat(tally.imported()).isEqualTo(2);
        assertThat(tally.failed()).isEqualTo(1);
        assertThat(problems).singleElement().asString().contains("record 3").contains("video_id");
        assertThat(server.getJson("/api/reports?ids=yt:import00001,yt:import00003,yt:import00005").get("reports")).hasSize(3);
    }

    @Test
    void writesByAnExternalWorkerStraightToTheTablesAreSearchableAndCounted() {
        server.ingest(basic("yt:external0001", "Plain title"));
        assertThat(server.getJson("/api/reports?q=zeppelin").get("reports")).isEmpty();
        long before = server.getJson("/api/filters?category=Science").get("categories").findValues("count").stream()
                .mapToLong(JsonNode::asLong).sum();
        jdbi.useHandle(h -> {
            h.execute("UPDATE content SET title = 'Zeppelin history' WHERE video_id = 'yt:external0001'");
            h.execute("INSERT INTO content (video_id, title, analysis_json) VALUES ('yt:external0002', 'Direct row', "
                    + "'{\"category\": [\"Science\"]}')");
            h.execute("INSERT INTO content_summaries (video_id, variant, text) VALUES ('yt:external0002', 'comprehensive', 'zeppelin airships')");
        });
        assertThat(server.getJson("/api/reports?q=zeppelin").get("reports")).hasSize(2);
        assertThat(server.getJson("/api/reports?q=zeppelin").get("reports").get(0).get("video_id").asText()).isEqualTo("yt:external0001");
        long after = server.getJson("/api/filters?category=Science").get("categories").findValues("count").stream()
                .mapToLong(JsonNode::asLong).sum();
        assertThat(after).isEqualTo(before + 1);
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
