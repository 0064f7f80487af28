package dev.ytv2.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.render.backend.BuiltinBackend;
import dev.ytv2.render.builtin.BuiltinRenderer;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole loop on a real database with the builtin backend: prompt in, selected image out. */
@DbTest
class RenderLoopTest {
    static RenderKit kit;
    static RenderWorker worker;

    @BeforeAll
    static void start() {
        kit = new RenderKit(TestServer.start());
        worker = kit.worker("loop", new BuiltinBackend(new BuiltinRenderer()), RenderKit.fastEnv());
    }

    @AfterAll
    static void stop() {
        worker.close();
        kit.close();
    }

    @Test
    void aPromptWrittenToTheDatabaseIsRenderedAppendedSelectedAndAnnounced() {
        String id = kit.item("yt:loop0000001", "Lighthouses of the north", "History");
        kit.setPrompt(id, "ai1", "  an old lighthouse in a storm  ");

        await().atMost(Duration.ofSeconds(20)).until(() -> kit.variants(id).size() == 1);

        JsonNode a = kit.analysis(id);
        JsonNode v = kit.variants(id).get(0);
        assertThat(v.get("url").asText()).startsWith("/exports/images/ai1/").endsWith(".png");
        assertThat(v.get("prompt").asText()).isEqualTo("an old lighthouse in a storm");
        assertThat(v.get("image_mode").asText()).isEqualTo("ai1");
        assertThat(v.get("backend").asText()).isEqualTo("builtin");
        assertThat(v.get("model").asText()).isEqualTo("builtin-prompt-v2");
        assertThat(v.get("seed").isIntegralNumber()).isTrue();
        assertThat(v.get("width").asInt()).isEqualTo(160);
        assertThat(v.get("height").asInt()).isEqualTo(90);
        assertThat(v.get("prompt_source").asText()).isEqualTo("stored");
        assertThat(v.get("starred").asBoolean()).isFalse();
        assertThat(v.get("deleted_at").isNull()).isTrue();
        assertThat(v.get("id").asText()).isNotBlank();
        assertThat(v.get("created_at").asText()).isNotBlank();
        long jobId = v.get("job_id").asLong();

        assertThat(a.get("summary_image_prompt_last_used").asText()).isEqualTo("an old lighthouse in a storm");
        assertThat(a.get("summary_image_prompt_original").asText()).isEqualTo("an old lighthouse in a storm");
        assertThat(a.get("summary_image_selected_url").asText()).isEqualTo(v.get("url").asText());
        assertThat(kit.column(id, "summary_image_url")).isEqualTo(v.get("url").asText());
        assertThat(a.get("category").get(0).asText()).as("the rest of the document is untouched").isEqualTo("History");

        HttpResponse<byte[]> file = kit.server.getBytes(v.get("url").asText());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");

        assertThat(kit.events(id).stream().map(RenderKit.Event::type).filter(t -> t.startsWith("image-")))
                .containsExactly("image-job-queued", "image-job-started", "image-variant-added");
        JsonNode added = kit.events(id, "image-variant-added").get(0).payload();
        assertThat(added.get("mode").asText()).isEqualTo("ai1");
        assertThat(added.get("job_id").asLong()).isEqualTo(jobId);
        assertThat(added.get("selected").asBoolean()).isTrue();
        assertThat(added.get("variant").get("url").asText()).isEqualTo(v.get("url").asText());
        assertThat(kit.events(id, "image-job-started").get(0).payload().get("attempt").asInt()).isEqualTo(1);

        JsonNode jobs = kit.server.getJson("/api/image-jobs?video_id=" + id).get("jobs");
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).get("id").asLong()).isEqualTo(jobId);
        assertThat(jobs.get(0).get("state").asText()).isEqualTo("done");
        assertThat(jobs.get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(jobs.get(0).get("prompt").asText()).isEqualTo("an old lighthouse in a storm");
        assertThat(jobs.get(0).get("finished_at").asText()).isNotBlank();
    }

    @Test
    void anAi2PromptSelectsTheAi2ImageAndLeavesTheA1SelectionAlone() {
        String id = kit.item("yt:loop0000002", "Tide pools", "Science");
        kit.setPrompt(id, "ai2", "a dreamy watercolor of tide pools");
        await().atMost(Duration.ofSeconds(20)).until(() -> kit.variants(id).size() == 1);
        JsonNode a = kit.analysis(id);
        assertThat(a.get("summary_image_ai2_url").asText()).isEqualTo(kit.variants(id).get(0).get("url").asText());
        assertThat(a.get("summary_image_ai2_prompt_last_used").asText()).isEqualTo("a dreamy watercolor of tide pools");
        assertThat(kit.column(id, "summary_image_url")).isNull();
        assertThat(a.has("summary_image_selected_url")).isFalse();
    }

    @Test
    void anExplicitRequestRendersTheSamePromptAgainButAPlainSaveDoesNot() {
        String id = kit.item("yt:loop0000003", "Harbours", "Travel");
        kit.request(id, "ai1", "a quiet harbour at dusk");
        await().atMost(Duration.ofSeconds(20)).until(() -> kit.variants(id).size() == 1);
        assertThat(kit.variants(id).get(0).get("prompt_source").asText()).isEqualTo("user");

        kit.setPrompt(id, "ai1", "a quiet harbour at dusk");
        kit.request(id, "ai1", "a quiet harbour at dusk");
        await().atMost(Duration.ofSeconds(20)).until(() -> kit.variants(id).size() == 2);
        List<JsonNode> v = kit.variants(id);
        assertThat(v.get(1).get("url").asText()).isNotEqualTo(v.get(0).get("url").asText());
        assertThat(kit.analysis(id).get("summary_image_selected_url").asText()).isEqualTo(v.get(1).get("url").asText());
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> kit.variants(id).size() == 2);
        assertThat(kit.jobs(id)).hasSize(2).allMatch(j -> j.state().equals("done"));
    }

    @Test
    void theJobsApiAnswersBadInputWithA4xx() {
        assertThat(kit.server.get("/api/image-jobs").statusCode()).isEqualTo(400);
        assertThat(kit.server.get("/api/image-jobs?video_id=yt:nosuchthing").statusCode()).isEqualTo(404);
        assertThat(kit.server.adminPost("/api/image-jobs/abc/retry", "").statusCode()).isEqualTo(400);
        assertThat(kit.server.adminPost("/api/image-jobs/99999999/retry", "").statusCode()).isEqualTo(404);
        HttpResponse<String> anonymous = kit.server.post("/api/image-jobs/1/retry", "");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(kit.server.json(anonymous).get("error").asText()).isNotBlank();
    }
}
