package dev.ytv2.render.backend;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.render.builtin.BuiltinRenderer;
import dev.ytv2.support.DbTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DbTest
class OpenAiBackendTest {
    static final byte[] PNG = new BuiltinRenderer().renderPng("openai", 3, 64, 36);
    final FakeHttp fake = new FakeHttp();

    @AfterEach
    void stop() {
        fake.close();
    }

    OpenAiBackend backend(String... env) {
        Map<String, String> m = new HashMap<>(Map.of("YTV2_OPENAI_URL", fake.url(), "YTV2_IMAGE_TIMEOUT_SECONDS", "5"));
        for (int i = 0; i < env.length; i += 2) m.put(env[i], env[i + 1]);
        return new OpenAiBackend(RenderConfig.fromEnv(m), FakeHttp.JSON);
    }

    static ImageRequest request() {
        return new ImageRequest("a paper boat on a rainy street", "blurry", 42, 1024, 576, 20);
    }

    static FakeHttp.Response b64() {
        return FakeHttp.Response.json("{\"created\": 1, \"data\": [{\"b64_json\": \"" + Base64.getEncoder().encodeToString(PNG) + "\"}]}");
    }

    @Test
    void gptImageGetsTheKeyModelPromptAndALandscapeSizeAndAnswersBase64() throws Exception {
        fake.on("POST", "/v1/images/generations", r -> b64());
        RenderedImage image = backend("YTV2_OPENAI_API_KEY", "sk-test").render(request());

        FakeHttp.Request sent = fake.requests("/v1/images/generations").get(0);
        assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-test");
        JsonNode body = sent.json();
        assertThat(body.get("model").asText()).isEqualTo("gpt-image-1");
        assertThat(body.get("prompt").asText()).isEqualTo("a paper boat on a rainy street");
        assertThat(body.get("size").asText()).isEqualTo("1536x1024");
        assertThat(body.get("n").asInt()).isEqualTo(1);
        assertThat(body.has("response_format")).as("gpt-image models refuse it").isFalse();
        assertThat(image.bytes()).isEqualTo(PNG);
        assertThat(image.model()).isEqualTo("gpt-image-1");
        assertThat(image.seed()).as("the API takes no seed").isNull();
    }

    @Test
    void otherModelsAreAskedForBase64AndTheConfiguredSize() throws Exception {
        fake.on("POST", "/v1/images/generations", r -> b64());
        backend("YTV2_OPENAI_MODEL", "stablediffusion", "YTV2_IMAGE_WIDTH", "768", "YTV2_IMAGE_HEIGHT", "432")
                .render(new ImageRequest("p", "", 1, 768, 432, 20));
        JsonNode body = fake.requests("/v1/images/generations").get(0).json();
        assertThat(body.get("response_format").asText()).isEqualTo("b64_json");
        assertThat(body.get("size").asText()).isEqualTo("768x432");
        assertThat(fake.requests("/v1/images/generations").get(0).header("Authorization")).isNull();
    }

    @Test
    void anImageUrlAnswerIsDownloadedWithoutSendingTheKeyThere() throws Exception {
        fake.on("POST", "/v1/images/generations", r -> FakeHttp.Response.json("{\"data\": [{\"url\": \"" + fake.url() + "/blob/img.png?sig=1\"}]}"))
                .on("GET", "/blob/img.png", r -> new FakeHttp.Response(200, "image/png", PNG));
        RenderedImage image = backend("YTV2_OPENAI_API_KEY", "sk-test", "YTV2_OPENAI_MODEL", "dall-e-3").render(request());
        assertThat(image.bytes()).isEqualTo(PNG);
        assertThat(fake.requests("/blob/img.png").get(0).header("Authorization")).isNull();
        assertThat(fake.requests("/v1/images/generations").get(0).json().get("size").asText()).isEqualTo("1792x1024");
    }

    @Test
    void aRefusalCarriesOpenAisErrorMessage() {
        fake.on("POST", "/v1/images/generations", r -> FakeHttp.Response.json(401,
                "{\"error\": {\"message\": \"Incorrect API key provided: sk-bad.\", \"type\": \"invalid_request_error\", \"code\": \"invalid_api_key\"}}"));
        assertThatThrownBy(() -> backend("YTV2_OPENAI_API_KEY", "sk-bad").render(request()))
                .hasMessageContaining("openai: HTTP 401 from POST /v1/images/generations: Incorrect API key provided");
    }

    @Test
    void withoutAKeyOpenAiItselfIsUnhealthyButACompatibleServerIsAsked() throws Exception {
        OpenAiBackend real = new OpenAiBackend(RenderConfig.fromEnv(Map.of()), FakeHttp.JSON);
        assertThatThrownBy(real::checkHealth).hasMessage("openai: YTV2_OPENAI_API_KEY is not set");

        fake.on("GET", "/v1/models", r -> FakeHttp.Response.json("{\"data\": [{\"id\": \"gpt-image-1\"}]}"));
        backend("YTV2_OPENAI_API_KEY", "sk-test").checkHealth();
        assertThat(fake.requests("/v1/models").get(0).header("Authorization")).isEqualTo("Bearer sk-test");
    }
}
