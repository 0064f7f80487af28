package dev.ytv2.render.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A ComfyUI workflow in API format, and the placing of one request into it: the sampler gets the
 * seed and steps, the text nodes its `positive` and `negative` inputs point at get the prompts, the
 * empty latent gets the size. Any workflow shaped like that works, so users may bring their own.
 */
final class ComfyWorkflow {
    private final ObjectNode template;

    private ComfyWorkflow(ObjectNode template) {
        this.template = template;
    }

    static ComfyWorkflow load(Optional<Path> file, ObjectMapper mapper) {
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get())
                : ComfyWorkflow.class.getResourceAsStream("/render/comfyui-txt2img.json")) {
            JsonNode n = mapper.readTree(in);
            if (!n.isObject()) throw new IllegalArgumentException("the ComfyUI workflow must be a JSON object of nodes (API format)");
            // "Save (API format)" gives the nodes; some tools wrap them in {"prompt": {...}}.
            return new ComfyWorkflow((ObjectNode) (n.path("prompt").isObject() ? n.get("prompt") : n));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ComfyUI workflow " + file.map(Path::toString).orElse("(builtin)"), e);
        }
    }

    /** A filled copy; throws when the workflow has no sampler whose prompt inputs lead to text nodes. */
    ObjectNode fill(ImageRequest r, Optional<String> checkpoint) throws BackendException {
        ObjectNode nodes = template.deepCopy();
        boolean placed = false;
        for (Map.Entry<String, JsonNode> e : nodes.properties()) {
            if (!(e.getValue() instanceof ObjectNode node) || !(node.get("inputs") instanceof ObjectNode in)) continue;
            switch (node.path("class_type").asText()) {
                case "KSampler", "KSamplerAdvanced", "SamplerCustom" -> {
                    in.put(in.has("noise_seed") ? "noise_seed" : "seed", r.seed());
                    if (in.has("steps")) in.put("steps", r.steps());
                    placed |= text(nodes, in.get("positive"), r.prompt());
                    text(nodes, in.get("negative"), r.negativePrompt());
                }
                case "EmptyLatentImage", "EmptySD3LatentImage" -> in.put("width", r.width()).put("height", r.height());
                case "CheckpointLoaderSimple" -> checkpoint.ifPresent(c -> in.put("ckpt_name", c));
                default -> { }
            }
        }
        if (!placed) throw new BackendException("comfyui", "the workflow has no KSampler whose 'positive' input is a text node");
        return nodes;
    }

    static String model(ObjectNode nodes) {
        for (Map.Entry<String, JsonNode> e : nodes.properties()) {
            JsonNode ckpt = e.getValue().path("inputs").path("ckpt_name");
            if (ckpt.isTextual()) return ckpt.asText();
        }
        return "comfyui";
    }

    /** Follows a link `["6", 0]` to its node and sets its `text`. */
    private static boolean text(ObjectNode nodes, JsonNode link, String text) {
        if (link == null || !link.isArray() || link.isEmpty()) return false;
        JsonNode target = nodes.path(link.get(0).asText()).path("inputs");
        if (!(target instanceof ObjectNode in) || !in.has("text")) return false;
        in.put("text", text);
        return true;
    }
}
