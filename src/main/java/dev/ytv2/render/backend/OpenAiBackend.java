package dev.ytv2.render.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * OpenAI's `POST /v1/images/generations` (`gpt-image-1`, `dall-e-3`) and servers that copy it
 * (LocalAI and others). The API takes no seed, so variants from it record none.
 */
public final class OpenAiBackend implements ImageBackend {
    private final RenderConfig config;
    private final ObjectMapper mapper;
    private final BackendHttp http;
    private final BackendHttp download;

    public OpenAiBackend(RenderConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.http = new BackendHttp(name(), config.timeout(),
                config.openaiKey().map(k -> List.of("Authorization", "Bearer " + k)).orElse(List.of()), mapper);
        // Image URLs point at other hosts (signed blob storage); the key is never sent there.
        this.download = new BackendHttp(name(), config.timeout(), List.of(), mapper);
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public void checkHealth() throws BackendException {
        if (config.openaiKey().isEmpty() && config.openaiUrl().contains("api.openai.com")) {
            throw new BackendException(name(), "YTV2_OPENAI_API_KEY is not set");
        }
        try {
            http.getJson(config.openaiUrl() + "/v1/models", http.quickTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(name(), "interrupted");
        }
    }

    @Override
    public RenderedImage render(ImageRequest r) throws BackendException, InterruptedException {
        String model = config.openaiModel();
        String size = config.openaiSize().orElseGet(() -> size(model, r.width(), r.height()));
        ObjectNode body = mapper.createObjectNode().put("model", model).put("prompt", r.prompt()).put("n", 1).put("size", size);
        // gpt-image models always answer base64 and refuse the parameter; the others default to URLs.
        if (!model.startsWith("gpt-image")) body.put("response_format", "b64_json");
        JsonNode first = http.postJson(config.openaiUrl() + "/v1/images/generations", body).path("data").path(0);
        byte[] bytes;
        if (first.path("b64_json").isTextual()) {
            bytes = Base64Image.decode(name(), first.get("b64_json").asText());
        } else if (first.path("url").isTextual()) {
            bytes = download.getBytes(first.get("url").asText());
        } else {
            throw new BackendException(name(), "the answer has no data[0].b64_json");
        }
        String[] wh = size.split("x");
        int w = wh.length == 2 && wh[0].matches("\\d+") ? Integer.parseInt(wh[0]) : r.width();
        int h = wh.length == 2 && wh[1].matches("\\d+") ? Integer.parseInt(wh[1]) : r.height();
        return new RenderedImage(bytes, name(), model, null, w, h);
    }

    /** The supported size closest in shape to the one asked for. */
    static String size(String model, int width, int height) {
        String shape = width > height ? "wide" : width < height ? "tall" : "square";
        if (model.startsWith("gpt-image")) {
            return switch (shape) { case "wide" -> "1536x1024"; case "tall" -> "1024x1536"; default -> "1024x1024"; };
        }
        if (model.equals("dall-e-3")) {
            return switch (shape) { case "wide" -> "1792x1024"; case "tall" -> "1024x1792"; default -> "1024x1024"; };
        }
        return width + "x" + height;
    }
}
