package dev.ytv2.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** YTV2_AUTO_IMAGES with the worker inside the server, as `ytv2 serve --demo` runs. */
@DbTest
class AutoImagesTest {
    static RenderKit kit;

    @BeforeAll
    static void start() {
        kit = new RenderKit(TestServer.startWithWorker(env -> {
            env.putAll(RenderKit.fastEnv());
            env.put("YTV2_AUTO_IMAGES", "true");
        }));
    }

    @AfterAll
    static void stop() {
        kit.close();
    }

    @Test
    void aNewReportGetsThemedAndFreestylePromptsAndBothImages() {
        String id = kit.item("yt:auto0000001", "The last lighthouse keepers", "History");
        JsonNode a = kit.analysis(id);
        String themed = a.get("summary_image_prompt").asText();
        String free = a.get("summary_image_ai2_prompt").asText();
        assertThat(themed).contains("The last lighthouse keepers").contains("Keepers once lived at the edge of the sea")
                .contains("tides, lighthouses");
        assertThat(free).contains("inspired by tides and lighthouses");
        assertThat(a.get("summary_image_prompt_original").asText()).isEqualTo(themed);
        assertThat(a.get("summary_image_ai2_prompt_original").asText()).isEqualTo(free);

        await().atMost(Duration.ofSeconds(30)).until(() -> kit.variants(id).size() == 2);
        JsonNode after = kit.analysis(id);
        assertThat(after.get("summary_image_prompt_last_used").asText()).isEqualTo(themed);
        assertThat(after.get("summary_image_ai2_prompt_last_used").asText()).isEqualTo(free);
        assertThat(kit.column(id, "summary_image_url")).startsWith("/exports/images/ai1/");
        assertThat(after.get("summary_image_ai2_url").asText()).startsWith("/exports/images/ai2/");
        assertThat(kit.variants(id)).extracting(v -> v.get("template").asText())
                .containsExactlyInAnyOrder("themed:history", "freestyle");
        assertThat(kit.variants(id)).allMatch(v -> v.get("prompt_source").asText().equals("auto"));
    }

    @Test
    void reIngestingDoesNotAskAgainAndAPromptThePayloadBringsIsKept() {
        var r = kit.server.object().put("video_id", "yt:auto0000002").put("title", "Own prompt");
        r.putObject("analysis_json").put("summary_image_prompt", "a prompt from the old worker");
        kit.server.ingest(r);
        await().atMost(Duration.ofSeconds(30)).until(() -> kit.variants("yt:auto0000002").size() == 2);
        assertThat(kit.analysis("yt:auto0000002").get("summary_image_prompt").asText()).isEqualTo("a prompt from the old worker");

        kit.server.ingest(r.put("title", "Own prompt, again"));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> kit.jobs("yt:auto0000002").size() == 2);
        assertThat(kit.variants("yt:auto0000002")).hasSize(2);
    }
}
