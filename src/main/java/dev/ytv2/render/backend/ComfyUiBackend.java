package dev.ytv2.render.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * ComfyUI: queue the workflow with `POST /prompt`, poll `GET /history/{prompt_id}` until its outputs
 * appear, then fetch the first output image with `GET /view`.
 */
public final class ComfyUiBackend implements ImageBackend {
    private static final Duration FIRST_POLL = Duration.ofMillis(200);
    private static final Duration MAX_POLL = Duration.ofSeconds(1);

    private final RenderConfig config;
    private final ObjectMapper mapper;
    private final ComfyWorkflow workflow;
    private final BackendHttp http;
    private final String clientId = UUID.randomUUID().toString();

    public ComfyUiBackend(RenderConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.workflow = ComfyWorkflow.load(config.comfyuiWorkflow(), mapper);
        this.http = new BackendHttp(name(), config.timeout(), List.of(), mapper);
    }

    @Override
    public String name() {
        return "comfyui";
    }

    @Override
    public void checkHealth() throws BackendException {
        try {
            http.getJson(config.comfyuiUrl() + "/system_stats", http.quickTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(name(), "interrupted");
        }
    }

    @Override
    public RenderedImage render(ImageRequest r) throws BackendException, InterruptedException {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        ObjectNode nodes = workflow.fill(r, config.comfyuiCheckpoint());
        ObjectNode body = mapper.createObjectNode().put("client_id", clientId);
        body.set("prompt", nodes);
        JsonNode queued = http.postJson(config.comfyuiUrl() + "/prompt", body);
        String promptId = queued.path("prompt_id").asText("");
        if (promptId.isBlank()) throw new BackendException(name(), "POST /prompt gave no prompt_id: " + abbreviate(queued.toString()));
        JsonNode image = awaitImage(promptId, deadline);
        String url = config.comfyuiUrl() + "/view?filename=" + enc(image.path("filename").asText())
                + "&subfolder=" + enc(image.path("subfolder").asText("")) + "&type=" + enc(image.path("type").asText("output"));
        byte[] bytes = http.getBytes(url);
        return new RenderedImage(bytes, name(), ComfyWorkflow.model(nodes), r.seed(), r.width(), r.height());
    }

    private JsonNode awaitImage(String promptId, long deadline) throws BackendException, InterruptedException {
        Duration pause = FIRST_POLL;
        while (true) {
            JsonNode entry = http.getJson(config.comfyuiUrl() + "/history/" + enc(promptId), http.quickTimeout()).path(promptId);
            JsonNode status = entry.path("status");
            if ("error".equals(status.path("status_str").asText())) {
                throw new BackendException(name(), "the workflow failed: " + executionError(status));
            }
            for (Map.Entry<String, JsonNode> output : entry.path("outputs").properties()) {
                JsonNode images = output.getValue().path("images");
                if (images.isArray() && !images.isEmpty()) return images.get(0);
            }
            if (status.path("completed").asBoolean(false)) throw new BackendException(name(), "the workflow finished without an image");
            if (System.nanoTime() + pause.toNanos() > deadline) {
                throw new BackendException(name(), "no image within " + BackendHttp.seconds(config.timeout()) + " (prompt " + promptId + ")");
            }
            Thread.sleep(pause.toMillis());
            pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
        }
    }

    /** `messages` is a list of [type, data]; an `execution_error` carries the node and exception. */
    private static String executionError(JsonNode status) {
        for (JsonNode m : status.path("messages")) {
            if ("execution_error".equals(m.path(0).asText())) {
                JsonNode d = m.path(1);
                return d.path("node_type").asText("node") + " " + d.path("node_id").asText("") + ": "
                        + abbreviate(d.path("exception_message").asText("unknown error")).strip();
            }
        }
        return "unknown error";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
