package dev.ytv2.render.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.render.builtin.BuiltinRenderer;
import dev.ytv2.support.DbTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DbTest
class SdApiBackendTest {
    static final byte[] PNG = new BuiltinRenderer().renderPng("test", 1, 64, 36);
    final FakeHttp fake = new FakeHttp();

    @AfterEach
    void stop() {
        fake.close();
    }

    SdApiBackend backend(String... env) {
        Map<String, String> m = new java.util.HashMap<>(Map.of("YTV2_SDAPI_URL", fake.url() + "/", "YTV2_IMAGE_TIMEOUT_SECONDS", "2"));
        for (int i = 0; i < env.length; i += 2) m.put(env[i], env[i + 1]);
        return new SdApiBackend(RenderConfig.fromEnv(m), FakeHttp.JSON);
    }

    static ImageRequest request() {
        return new ImageRequest("a lighthouse at dawn", "blurry", 42, 1024, 576, 20);
    }

    @Test
    void sendsTheTxt2imgFieldsAndReadsTheImageAndTheRealSeedFromInfo() throws Exception {
        fake.on("POST", "/sdapi/v1/txt2img", r -> FakeHttp.Response.json(FakeHttp.JSON.createObjectNode()
                .put("info", "{\"seed\": 3141592653, \"sd_model_name\": \"dreamshaper_8\", \"width\": 64, \"height\": 36}")
                .set("images", FakeHttp.JSON.createArrayNode().add("data:image/png;base64," + Base64.getEncoder().encodeToString(PNG)))
                .toString()));

        RenderedImage image = backend("YTV2_SDAPI_SAMPLER", "DPM++ 2M Karras", "YTV2_SDAPI_CFG_SCALE", "5.5").render(request());

        JsonNode sent = fake.requests("/sdapi/v1/txt2img").get(0).json();
        assertThat(sent.get("prompt").asText()).isEqualTo("a lighthouse at dawn");
        assertThat(sent.get("negative_prompt").asText()).isEqualTo("blurry");
        assertThat(sent.get("width").asInt()).isEqualTo(1024);
        assertThat(sent.get("height").asInt()).isEqualTo(576);
        assertThat(sent.get("steps").asInt()).isEqualTo(20);
        assertThat(sent.get("cfg_scale").asDouble()).isEqualTo(5.5);
        assertThat(sent.get("sampler_name").asText()).isEqualTo("DPM++ 2M Karras");
        assertThat(sent.get("seed").asLong()).isEqualTo(42);
        assertThat(sent.has("override_settings")).isFalse();
        assertThat(image.bytes()).isEqualTo(PNG);
        assertThat(image.seed()).isEqualTo(3141592653L);
        assertThat(image.model()).isEqualTo("dreamshaper_8");
        assertThat(image.backend()).isEqualTo("sdapi");
    }

    @Test
    void aConfiguredModelAndLoginAreSentAlong() throws Exception {
        fake.on("POST", "/sdapi/v1/txt2img", r -> FakeHttp.Response.json("{\"images\": [\"" + Base64.getEncoder().encodeToString(PNG)
                + "\"], \"info\": \"not json\"}"));
        RenderedImage image = backend("YTV2_SDAPI_MODEL", "sdxl_base.safetensors", "YTV2_SDAPI_AUTH", "me:secret").render(request());

        FakeHttp.Request sent = fake.requests("/sdapi/v1/txt2img").get(0);
        assertThat(sent.json().get("override_settings").get("sd_model_checkpoint").asText()).isEqualTo("sdxl_base.safetensors");
        assertThat(sent.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString("me:secret".getBytes()));
        assertThat(image.seed()).as("no seed in info: the one we sent").isEqualTo(42);
        assertThat(image.model()).isEqualTo("sdxl_base.safetensors");
    }

    @Test
    void anErrorAnswerNamesTheBackendTheCallAndTheServersReason() {
        fake.on("POST", "/sdapi/v1/txt2img", r -> FakeHttp.Response.json(500,
                "{\"error\": \"OutOfMemoryError\", \"detail\": \"\", \"errors\": \"CUDA out of memory. Tried to allocate 2.00 GiB\"}"));
        assertThatThrownBy(() -> backend().render(request()))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining("sdapi: HTTP 500 from POST /sdapi/v1/txt2img")
                .hasMessageContaining("OutOfMemoryError")
                .hasMessageContaining("CUDA out of memory");
    }

    @Test
    void anAnswerWithoutAnImageIsAnError() {
        fake.on("POST", "/sdapi/v1/txt2img", r -> FakeHttp.Response.json("{\"images\": [], \"info\": \"{}\"}"));
        assertThatThrownBy(() -> backend().render(request())).hasMessage("sdapi: the answer has no image");
    }

    @Test
    void aServerThatDoesNotAnswerInTimeFailsWithinTheTimeout() {
        fake.on("POST", "/sdapi/v1/txt2img", r -> {
            Thread.sleep(5000);
            return FakeHttp.Response.json("{}");
        });
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> backend("YTV2_IMAGE_TIMEOUT_SECONDS", "0.5").render(request()))
                .hasMessageContaining("sdapi: no answer to POST /sdapi/v1/txt2img within 0.5 s");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(4000);
    }

    @Test
    void aServerThatStallsHalfWayThroughItsAnswerFailsWithinTheTimeout() {
        fake.on("POST", "/sdapi/v1/txt2img", r -> FakeHttp.Response.stalled(200, "application/json", "{\"images\": [\"iVBOR".getBytes()));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> backend("YTV2_IMAGE_TIMEOUT_SECONDS", "0.5").render(request()))
                .hasMessage("sdapi: the answer to POST /sdapi/v1/txt2img stopped arriving; not complete within 0.5 s");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(4000);
    }

    @Test
    void healthIsTheOptionsEndpointAndADownServerIsUnhealthy() throws Exception {
        fake.on("GET", "/sdapi/v1/options", r -> FakeHttp.Response.json("{\"sd_model_checkpoint\": \"x\"}"));
        SdApiBackend backend = backend();
        backend.checkHealth();
        assertThat(fake.requests("/sdapi/v1/options")).hasSize(1);
        fake.close();
        assertThatThrownBy(backend::checkHealth).hasMessageContaining("sdapi: cannot connect to " + fake.url());
    }
}
