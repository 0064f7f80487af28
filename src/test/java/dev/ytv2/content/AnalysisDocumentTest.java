package dev.ytv2.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes inside analysis_json keep a document an older writer stored as a JSON string, and the A1
 * selection stays the same in the column (cards) and the document (workers), whoever writes it.
 */
@DbTest
class AnalysisDocumentTest {
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

    private static String sql(String query, String id) {
        return jdbi.withHandle(h -> h.createQuery(query).bind("id", id).mapTo(String.class).one());
    }

    private static void externalRow(String id, String document) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO content (video_id, title, analysis_json) VALUES (:id, 'Old', to_jsonb(CAST(:doc AS text)))")
                .bind("id", id).bind("doc", document).execute());
    }

    @Test
    void reIngestingOverAStringDocumentKeepsItsImageFieldsAndKeys() {
        externalRow("yt:strIngest01", """
                {"category": ["History"], "legacy_note": "kept", "summary_image_prompt": "old lamp",
                 "summary_image_selected_url": "/exports/images/ai1/old.png",
                 "summary_image_variants": [{"url": "/exports/images/ai1/old.png", "image_mode": "ai1"}]}""");
        ObjectNode r = server.object().put("video_id", "yt:strIngest01").put("title", "New title");
        r.putObject("analysis_json").put("content_type", "Talk").putArray("category").add("Science");
        server.ingest(r);

        JsonNode a = server.getJson("/api/reports/yt:strIngest01");
        assertThat(a.path("analysis").path("content_type").asText()).isEqualTo("Talk");
        assertThat(a.path("analysis").path("category").toString()).contains("Science");
        assertThat(a.path("analysis").path("summary_image_prompt").asText()).isEqualTo("old lamp");
        assertThat(a.path("analysis").path("summary_image_variants")).hasSize(1);
        assertThat(a.path("summary_image_url").asText()).isEqualTo("/exports/images/ai1/old.png");
        assertThat(sql("SELECT analysis_json ->> 'legacy_note' FROM content WHERE video_id = :id", "yt:strIngest01")).isEqualTo("kept");
    }

    @Test
    void anIngestedSelectionFillsTheColumnTheCardsRead() {
        ObjectNode r = server.object().put("video_id", "yt:a1Ingest001").put("title", "With an A1 image");
        r.putObject("analysis_json").put("summary_image_selected_url", "/exports/images/ai1/from-worker.png");
        server.ingest(r);
        assertThat(sql("SELECT summary_image_url FROM content WHERE video_id = :id", "yt:a1Ingest001"))
                .isEqualTo("/exports/images/ai1/from-worker.png");
        JsonNode row = server.getJson("/api/reports?ids=yt:a1Ingest001").path("reports").get(0);
        assertThat(row.path("summary_image_url").asText()).isEqualTo("/exports/images/ai1/from-worker.png");

        // A later worker selection in the document moves the column with it.
        ObjectNode again = server.object().put("video_id", "yt:a1Ingest001");
        jdbi.useHandle(h -> h.execute("""
                UPDATE content SET analysis_json = analysis_json || '{"summary_image_selected_url": "/exports/images/ai1/second.png"}'
                WHERE video_id = 'yt:a1Ingest001'"""));
        assertThat(sql("SELECT summary_image_url FROM content WHERE video_id = :id", "yt:a1Ingest001"))
                .isEqualTo("/exports/images/ai1/second.png");
        server.ingest(again.put("title", "Renamed"));
        assertThat(sql("SELECT summary_image_url FROM content WHERE video_id = :id", "yt:a1Ingest001"))
                .isEqualTo("/exports/images/ai1/second.png");
    }

    @Test
    void aColumnWrittenDirectlyMovesTheDocumentsSelectionEvenInAStringDocument() {
        externalRow("yt:a1Column001", "{\"category\": [\"Travel\"]}");
        jdbi.useHandle(h -> h.execute("UPDATE content SET summary_image_url = '/exports/images/ai1/by-sql.png' WHERE video_id = 'yt:a1Column001'"));
        assertThat(sql("SELECT ytv2_as_object(analysis_json) ->> 'summary_image_selected_url' FROM content WHERE video_id = :id", "yt:a1Column001"))
                .isEqualTo("/exports/images/ai1/by-sql.png");
        assertThat(sql("SELECT ytv2_as_object(analysis_json) -> 'category' ->> 0 FROM content WHERE video_id = :id", "yt:a1Column001"))
                .isEqualTo("Travel");
        jdbi.useHandle(h -> h.execute("UPDATE content SET summary_image_url = NULL WHERE video_id = 'yt:a1Column001'"));
        assertThat(sql("SELECT coalesce(analysis_json ->> 'summary_image_selected_url', 'none') FROM content WHERE video_id = :id", "yt:a1Column001"))
                .isEqualTo("none");
    }
}
