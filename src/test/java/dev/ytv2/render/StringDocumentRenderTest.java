package dev.ytv2.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Older writers store analysis_json as a JSON string holding the document. A render that finishes
 * after such a writer rewrote the document keeps everything that writer stored.
 */
@DbTest
class StringDocumentRenderTest {
    static RenderKit kit;
    static ScriptedBackend backend;
    static RenderWorker worker;

    @BeforeAll
    static void start() {
        kit = new RenderKit(TestServer.start());
        backend = new ScriptedBackend();
        worker = kit.worker("strings", backend, RenderKit.fastEnv());
    }

    @AfterAll
    static void stop() {
        worker.close();
        kit.close();
    }

    @Test
    void aDocumentRewrittenAsAStringDuringARenderLosesNothing() {
        String id = kit.item("yt:strdoc00001", "Lighthouses", "History");
        CountDownLatch gate = new CountDownLatch(1);
        backend.hold = gate;
        kit.request(id, "ai1", "a lighthouse in fog");
        await().atMost(Duration.ofSeconds(60)).until(() -> backend.prompts.contains("a lighthouse in fog"));

        kit.jdbi.useHandle(h -> h.execute("""
                UPDATE content SET analysis_json = to_jsonb((analysis_json || '{"category": ["Maritime History"],
                    "written_by": "an older worker", "summary_image_ai2_prompt": "waves in ink"}'::jsonb)::text)
                WHERE video_id = ?""", id));
        assertThat(kit.column(id, "jsonb_typeof(analysis_json)")).isEqualTo("string");
        gate.countDown();
        // The AI2 prompt the older writer stored is new, so an AI2 render may follow: wait for the A1 one.
        await().atMost(Duration.ofSeconds(60)).until(() -> kit.column(id, "jsonb_typeof(analysis_json)").equals("object")
                && kit.variants(id).stream().anyMatch(v -> v.path("image_mode").asText().equals("ai1")));

        JsonNode a = kit.analysis(id);
        assertThat(a.path("written_by").asText()).isEqualTo("an older worker");
        assertThat(a.path("category").get(0).asText()).isEqualTo("Maritime History");
        assertThat(a.path("key_topics").toString()).contains("tides");
        assertThat(a.path("summary_image_ai2_prompt").asText()).isEqualTo("waves in ink");
        assertThat(a.path("summary_image_prompt").asText()).isEqualTo("a lighthouse in fog");
        assertThat(a.path("summary_image_prompt_last_used").asText()).isEqualTo("a lighthouse in fog");
        List<JsonNode> ai1 = kit.variants(id).stream().filter(v -> v.path("image_mode").asText().equals("ai1")).toList();
        assertThat(ai1).hasSize(1);
        String url = ai1.get(0).path("url").asText();
        assertThat(a.path("summary_image_selected_url").asText()).isEqualTo(url);
        assertThat(kit.column(id, "summary_image_url")).isEqualTo(url);
        assertThat(kit.server.getJson("/api/reports?category=Maritime%20History").path("reports").findValuesAsText("video_id"))
                .contains(id);
    }
}
