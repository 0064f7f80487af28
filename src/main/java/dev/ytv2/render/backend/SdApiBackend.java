package dev.ytv2.render.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * AUTOMATIC1111, Forge and Draw Things: `POST /sdapi/v1/txt2img`. The image comes back base64 in
 * `images[0]`; the seed actually used (ours, or a random one when we sent -1) is in `info`, a JSON
 * document encoded as a string.
 */
public final class SdApiBackend implements ImageBackend {
    private final RenderConfig config;
    private final ObjectMapper mapper;
    private final BackendHttp http;

    public SdApiBackend(RenderConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.http = new BackendHttp(name(), config.timeout(), config.sdapiAuth()
                .map(a -> List.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(a.getBytes(StandardCharsets.UTF_8))))
                .orElse(List.of()), mapper);
    }

    @Override
    public String name() {
        return "sdapi";
    }

    @Override
    public void checkHealth() throws BackendException {
        try {
            http.getJson(config.sdapiUrl() + "/sdapi/v1/options", http.quickTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(name(), "interrupted");
        }
    }

    @Override
    public RenderedImage render(ImageRequest r) throws BackendException, InterruptedException {
        ObjectNode body = mapper.createObjectNode()
                .put("prompt", r.prompt())
                .put("negative_prompt", r.negativePrompt())
                .put("width", r.width())
                .put("height", r.height())
                .put("steps", r.steps())
                .put("cfg_scale", config.sdapiCfgScale())
                .put("sampler_name", config.sdapiSampler())
                .put("seed", r.seed())
                .put("batch_size", 1)
                .put("n_iter", 1);
        config.sdapiModel().ifPresent(m -> body.putObject("override_settings").put("sd_model_checkpoint", m));
        JsonNode answer = http.postJson(config.sdapiUrl() + "/sdapi/v1/txt2img", body);
        JsonNode first = answer.path("images").path(0);
        if (!first.isTextual() || first.asText().isBlank()) throw new BackendException(name(), "the answer has no image");
        byte[] bytes = Base64Image.decode(name(), first.asText());
        JsonNode info = info(answer.path("info"));
        long seed = info.path("seed").canConvertToLong() ? info.path("seed").asLong() : r.seed();
        String model = info.path("sd_model_name").isTextual() ? info.get("sd_model_name").asText()
                : config.sdapiModel().orElse("sdapi");
        return new RenderedImage(bytes, name(), model, seed, info.path("width").asInt(r.width()), info.path("height").asInt(r.height()));
    }

    private JsonNode info(JsonNode raw) {
        if (raw.isObject()) return raw;
        if (!raw.isTextual()) return mapper.createObjectNode();
        try {
            return mapper.readTree(raw.asText());
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }
}
