package dev.ytv2.render.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.render.builtin.BuiltinRenderer;
import dev.ytv2.support.DbTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DbTest
class ComfyUiBackendTest {
    static final byte[] PNG = new BuiltinRenderer().renderPng("comfy", 2, 64, 36);
    static final String DONE = """
            {"p-1": {"prompt": [], "outputs": {"9": {"images": [{"filename": "ytv2_00001_.png", "subfolder": "day 1", "type": "output"}]}},
                     "status": {"status_str": "success", "completed": true, "messages": []}}}""";
    final FakeHttp fake = new FakeHttp();

    @AfterEach
    void stop() {
        fake.close();
    }

    ComfyUiBackend backend(String... env) {
        Map<String, String> m = new HashMap<>(Map.of("YTV2_COMFYUI_URL", fake.url(), "YTV2_IMAGE_TIMEOUT_SECONDS", "5"));
        for (int i = 0; i < env.length; i += 2) m.put(env[i], env[i + 1]);
        return new ComfyUiBackend(RenderConfig.fromEnv(m), FakeHttp.JSON);
    }

    static ImageRequest request() {
        return new ImageRequest("a fox in the snow", "text, watermark", 42, 1024, 576, 30);
    }

    @Test
    void queuesTheWorkflowWithPromptSeedAndSizeThenPollsHistoryAndFetchesTheImage() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        fake.on("POST", "/prompt", r -> FakeHttp.Response.json("{\"prompt_id\": \"p-1\", \"number\": 3, \"node_errors\": {}}"))
                .on("GET", "/history/p-1", r -> FakeHttp.Response.json(polls.incrementAndGet() < 3 ? "{}" : DONE))
                .on("GET", "/view", r -> new FakeHttp.Response(200, "image/png", PNG));

        RenderedImage image = backend().render(request());

        JsonNode sent = fake.requests("/prompt").get(0).json();
        assertThat(sent.get("client_id").asText()).isNotBlank();
        JsonNode nodes = sent.get("prompt");
        assertThat(nodes.get("6").get("inputs").get("text").asText()).isEqualTo("a fox in the snow");
        assertThat(nodes.get("7").get("inputs").get("text").asText()).isEqualTo("text, watermark");
        assertThat(nodes.get("3").get("inputs").get("seed").asLong()).isEqualTo(42);
        assertThat(nodes.get("3").get("inputs").get("steps").asInt()).isEqualTo(30);
        assertThat(nodes.get("5").get("inputs").get("width").asInt()).isEqualTo(1024);
        assertThat(nodes.get("5").get("inputs").get("height").asInt()).isEqualTo(576);
        assertThat(polls.get()).isEqualTo(3);
        assertThat(fake.requests("/view").get(0).query()).isEqualTo("filename=ytv2_00001_.png&subfolder=day+1&type=output");
        assertThat(image.bytes()).isEqualTo(PNG);
        assertThat(image.seed()).isEqualTo(42);
        assertThat(image.model()).isEqualTo("v1-5-pruned-emaonly.safetensors");
    }

    @Test
    void aWorkflowFromAFileIsFilledByFollowingTheSamplersLinks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("flux.json");
        Files.writeString(file, """
                {"prompt": {
                  "10": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "mine.safetensors"}},
                  "20": {"class_type": "CLIPTextEncode", "inputs": {"text": "PLACEHOLDER", "clip": ["10", 1]}},
                  "21": {"class_type": "CLIPTextEncode", "inputs": {"text": "", "clip": ["10", 1]}},
                  "30": {"class_type": "EmptySD3LatentImage", "inputs": {"width": 512, "height": 512, "batch_size": 1}},
                  "40": {"class_type": "KSamplerAdvanced", "inputs": {"noise_seed": 0, "steps": 4, "positive": ["21", 0],
                         "negative": ["20", 0], "model": ["10", 0], "latent_image": ["30", 0]}}}}""");
        fake.on("POST", "/prompt", r -> FakeHttp.Response.json("{\"prompt_id\": \"p-1\"}"))
                .on("GET", "/history/p-1", r -> FakeHttp.Response.json(DONE))
                .on("GET", "/view", r -> new FakeHttp.Response(200, "image/png", PNG));

        RenderedImage image = backend("YTV2_COMFYUI_WORKFLOW", file.toString(), "YTV2_COMFYUI_CHECKPOINT", "flux1-schnell.safetensors")
                .render(request());

        JsonNode nodes = fake.requests("/prompt").get(0).json().get("prompt");
        assertThat(nodes.get("21").get("inputs").get("text").asText()).isEqualTo("a fox in the snow");
        assertThat(nodes.get("20").get("inputs").get("text").asText()).isEqualTo("text, watermark");
        assertThat(nodes.get("40").get("inputs").get("noise_seed").asLong()).isEqualTo(42);
        assertThat(nodes.get("40").get("inputs").has("seed")).isFalse();
        assertThat(nodes.get("30").get("inputs").get("width").asInt()).isEqualTo(1024);
        assertThat(nodes.get("10").get("inputs").get("ckpt_name").asText()).isEqualTo("flux1-schnell.safetensors");
        assertThat(image.model()).isEqualTo("flux1-schnell.safetensors");
    }

    @Test
    void aWorkflowRefusedByValidationFailsWithComfyUisMessage() {
        fake.on("POST", "/prompt", r -> FakeHttp.Response.json(400, """
                {"error": {"type": "prompt_outputs_failed_validation", "message": "Prompt outputs failed validation", "details": ""},
                 "node_errors": {"4": {"errors": [{"message": "Value not in list"}]}}}"""));
        assertThatThrownBy(() -> backend().render(request()))
                .hasMessageContaining("comfyui: HTTP 400 from POST /prompt: Prompt outputs failed validation");
    }

    @Test
    void anExecutionErrorInHistoryFailsWithTheNodeAndException() {
        fake.on("POST", "/prompt", r -> FakeHttp.Response.json("{\"prompt_id\": \"p-1\"}"))
                .on("GET", "/history/p-1", r -> FakeHttp.Response.json("""
                        {"p-1": {"outputs": {}, "status": {"status_str": "error", "completed": false, "messages": [
                          ["execution_start", {"prompt_id": "p-1"}],
                          ["execution_error", {"node_id": "3", "node_type": "KSampler", "exception_message": "CUDA error: out of memory\\n"}]]}}}"""));
        assertThatThrownBy(() -> backend().render(request()))
                .hasMessage("comfyui: the workflow failed: KSampler 3: CUDA error: out of memory");
    }

    @Test
    void aPromptThatNeverFinishesTimesOut() {
        fake.on("POST", "/prompt", r -> FakeHttp.Response.json("{\"prompt_id\": \"p-1\"}"))
                .on("GET", "/history/p-1", r -> FakeHttp.Response.json("{}"));
        assertThatThrownBy(() -> backend("YTV2_IMAGE_TIMEOUT_SECONDS", "0.8").render(request()))
                .hasMessageContaining("comfyui: no image within 0.8 s (prompt p-1)");
    }

    @Test
    void healthIsSystemStats() throws Exception {
        fake.on("GET", "/system_stats", r -> FakeHttp.Response.json("{\"system\": {\"os\": \"posix\"}, \"devices\": []}"));
        backend().checkHealth();
        assertThat(fake.requests("/system_stats")).hasSize(1);
    }
}
