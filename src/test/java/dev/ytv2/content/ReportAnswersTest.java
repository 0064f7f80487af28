package dev.ytv2.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages and details served again from the encoded answers: validators, gzip, slim rows, and never stale. */
@DbTest
class ReportAnswersTest {
    static TestServer server;
    static final String ID = "yt:cacheaaaa01";

    @BeforeAll
    static void seed() {
        server = TestServer.start();
        for (int i = 0; i < 30; i++) {
            server.ingest(Fixtures.report(server, i == 0 ? ID : "yt:cachebbb" + (100 + i), "Report number " + i, "Chan", "youtube",
                    "Science", "Physics", "en", "Explainer", 300, "2024-01-10T10:00:00Z", "2025-01-%02dT00:00:00Z".formatted(1 + i % 28),
                    "A long enough summary text for the excerpt of report " + i + ". " + "More words follow here. ".repeat(20)));
        }
        server.adminPost("/api/set-image-prompt", "{\"video_id\":\"" + ID + "\",\"mode\":\"ai1\",\"prompt\":\"a lighthouse at dusk\"}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode row(JsonNode page, String id) {
        for (JsonNode r : page.get("reports")) if (r.get("video_id").asText().equals(id)) return r;
        throw new AssertionError(id + " not on the page");
    }

    @Test
    void anUnchangedPageIsA304AndAnImageWriteIsSeenAtOnce() {
        String path = "/api/reports?ids=" + ID;
        HttpResponse<String> first = server.get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");

        HttpResponse<String> again = server.get(path, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        // An image write does not move the library version; the next read must still show it.
        assertThat(server.adminPost("/api/set-image-prompt",
                "{\"video_id\":\"" + ID + "\",\"mode\":\"ai1\",\"prompt\":\"a harbour at night\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> after = server.get(path, "If-None-Match", etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(row(server.json(after), ID).get("analysis").get("summary_image_prompt").asText()).isEqualTo("a harbour at night");
    }

    @Test
    void aWriteByDirectSqlIsSeenByTheNextRead() {
        String path = "/api/reports/" + ID;
        server.getJson(path);
        server.running.database().jdbi().useHandle(h -> h.execute(
                "UPDATE content SET analysis_json = jsonb_set(analysis_json, '{summary_image_display_mode}', '\"ai2\"') WHERE video_id = ?", ID));
        assertThat(server.getJson(path).get("analysis").get("summary_image_display_mode").asText()).isEqualTo("ai2");
        assertThat(row(server.getJson("/api/reports?ids=" + ID), ID).get("analysis").get("summary_image_display_mode").asText())
                .isEqualTo("ai2");
    }

    @Test
    void aSummaryChangedByDirectSqlIsSeenAndUnchangedRowsAreCopiedAsTheyWere() {
        String other = "yt:cachebbb105";
        String path = "/api/reports?size=30&ids=" + ID + "," + other;
        String before = server.get(path).body();
        // A commit elsewhere: the page is read again, and both its rows are copied as they were.
        server.running.database().jdbi().useHandle(h -> h.execute("UPDATE content SET title = title WHERE video_id = 'yt:cachebbb110'"));
        assertThat(server.get(path).body()).isEqualTo(before);

        server.running.database().jdbi().useHandle(h -> h.execute(
                "UPDATE content_summaries SET text = 'Rewritten by an external worker.' WHERE video_id = ?", other));
        JsonNode after = server.getJson(path);
        assertThat(row(after, other).get("summary_text").asText()).isEqualTo("Rewritten by an external worker.");
        assertThat(row(after, ID).get("summary_text").asText()).startsWith("A long enough summary text");
    }

    @Test
    void cardRowsLeaveOutThePromptsAndDefaultRowsKeepThem() {
        JsonNode fullRow = row(server.getJson("/api/reports?ids=" + ID), ID);
        JsonNode cardRow = row(server.getJson("/api/reports?fields=card&ids=" + ID), ID);
        JsonNode full = fullRow.get("analysis");
        JsonNode card = cardRow.get("analysis");
        for (String contract : new String[]{"id", "video_id", "title", "channel", "channel_name", "content_source", "source_label",
                "thumbnail_url", "summary_image_url", "canonical_url", "published_at", "duration_seconds", "indexed_at", "analysis",
                "media", "summary_type_latest", "summary_text", "summary_variants"}) {
            assertThat(fullRow.has(contract)).as(contract).isTrue();
        }
        assertThat(cardRow.get("video_id").asText()).isEqualTo(ID);
        assertThat(cardRow.get("channel").asText()).isEqualTo("Chan");
        String excerpt = cardRow.get("summary_text").asText();
        assertThat(excerpt).hasSizeLessThanOrEqualTo(201).endsWith("…");
        assertThat(fullRow.get("summary_text").asText()).startsWith(excerpt.substring(0, excerpt.length() - 1));
        assertThat(cardRow.get("media").get("has_audio").asBoolean()).isFalse();
        assertThat(cardRow.get("summary_variants").get(0).get("variant").asText()).isEqualTo("comprehensive");
        cardRow.fields().forEachRemaining(e -> assertThat(e.getValue().isNull()).as(e.getKey()).isFalse());
        assertThat(full.has("summary_image_prompt")).isTrue();
        assertThat(full.has("summary_image_prompt_original")).isTrue();
        for (String prompt : new String[]{"summary_image_prompt", "summary_image_prompt_last_used", "summary_image_prompt_original",
                "summary_image_ai2_prompt", "summary_image_ai2_prompt_last_used", "summary_image_ai2_prompt_original"}) {
            assertThat(card.has(prompt)).as(prompt).isFalse();
        }
        // Everything the image modes read is still there.
        assertThat(card.get("category").get(0).asText()).isEqualTo("Science");
        assertThat(card.has("summary_image_variants")).isTrue();
    }

    @Test
    void anUnknownFieldsValueIsA400() {
        HttpResponse<String> r = server.get("/api/reports?fields=everything");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(server.json(r).get("error").asText()).isEqualTo("invalid_fields");
    }

    @Test
    void aPageIsGzippedWhenTheClientAcceptsIt() throws IOException {
        HttpResponse<byte[]> plain = server.getBytes("/api/reports?size=30");
        HttpResponse<byte[]> zipped = server.getBytes("/api/reports?size=30", "Accept-Encoding", "gzip");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
        assertThat(unzipped).isEqualTo(plain.body());
        assertThat(zipped.body().length).isLessThan(plain.body().length / 2);
        HttpResponse<byte[]> refused = server.getBytes("/api/reports?size=30", "Accept-Encoding", "gzip;q=0, identity");
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void aDetailHasAValidatorToo() {
        HttpResponse<String> first = server.get("/api/reports/" + ID);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(server.get("/api/reports/" + ID, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(server.get("/api/reports/yt:nosuchreport").statusCode()).isEqualTo(404);
    }
}
