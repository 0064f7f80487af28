package dev.ytv2.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.content.ReportIds;
import dev.ytv2.http.ApiError;
import dev.ytv2.http.Fields;
import dev.ytv2.http.Json;
import io.javalin.http.Context;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The image endpoints (README, API: Images): one small handler per action; auth is applied in the route table. */
public final class ImageRoutes {
    public static final int MAX_PROMPT = 4000;
    private static final Set<String> DISPLAY_MODES = Set.of("og", "ai1", "ai2");

    private final ImageStore images;
    private final VariantStore variants;
    private final ObjectMapper mapper;

    public ImageRoutes(ImageStore images, VariantStore variants, ObjectMapper mapper) {
        this.images = images;
        this.variants = variants;
        this.mapper = mapper;
    }

    public void setPrompt(Context ctx) {
        ObjectNode body = body(ctx);
        String id = videoId(body);
        ImageMode mode = mode(body);
        String prompt = Fields.requiredString(body, "prompt", MAX_PROMPT).strip();
        if (prompt.isEmpty()) throw ApiError.badRequest("invalid_field", "Field 'prompt' must not be blank.");
        answer(ctx, images.setPrompt(id, mode, prompt));
    }

    public void selectVariant(Context ctx) {
        ObjectNode body = body(ctx);
        String id = videoId(body);
        ImageMode mode = mode(body);
        answer(ctx, images.select(id, mode, Fields.requiredString(body, "url", 2000).trim()));
    }

    public void setDisplayMode(Context ctx) {
        ObjectNode body = body(ctx);
        String id = videoId(body);
        if (!body.has("mode")) throw ApiError.badRequest("missing_field", "Field 'mode' is required ('og', 'ai1', 'ai2' or null).");
        Optional<String> mode = Fields.optionalString(body, "mode", 10).map(m -> m.trim().toLowerCase());
        if (mode.isPresent() && !DISPLAY_MODES.contains(mode.get())) {
            throw ApiError.badRequest("invalid_mode", "Field 'mode' must be 'og', 'ai1', 'ai2' or null.");
        }
        answer(ctx, images.setDisplayMode(id, mode));
    }

    public void deleteVariant(Context ctx) {
        ObjectNode body = body(ctx);
        answer(ctx, variants.delete(videoId(body), VariantRef.from(body)));
    }

    public void restoreVariant(Context ctx) {
        ObjectNode body = body(ctx);
        answer(ctx, variants.restore(videoId(body), VariantRef.from(body)));
    }

    public void starVariant(Context ctx) {
        ObjectNode body = body(ctx);
        String id = videoId(body);
        VariantRef ref = VariantRef.from(body);
        boolean starred = Fields.optionalBoolean(body, "starred")
                .orElseThrow(() -> ApiError.badRequest("missing_field", "Field 'starred' (true or false) is required."));
        answer(ctx, variants.star(id, ref, starred));
    }

    public void deleteAllAi(Context ctx) {
        ObjectNode body = body(ctx);
        String id = videoId(body);
        Set<ImageMode> modes = EnumSet.noneOf(ImageMode.class);
        JsonNode given = body.get("modes");
        if (given == null || given.isNull()) {
            modes.addAll(EnumSet.allOf(ImageMode.class));
        } else if (given.isArray() && !given.isEmpty() && given.size() <= 2) {
            for (JsonNode m : given) {
                if (!m.isTextual()) throw ApiError.badRequest("invalid_mode", "Field 'modes' must list 'ai1' and/or 'ai2'.");
                modes.add(ImageMode.parse(m.asText()));
            }
        } else {
            throw ApiError.badRequest("invalid_mode", "Field 'modes' must list 'ai1' and/or 'ai2'.");
        }
        answer(ctx, variants.deleteAll(id, modes));
    }

    private ObjectNode body(Context ctx) {
        return Json.parseObject(mapper, ctx.bodyAsBytes());
    }

    private static String videoId(ObjectNode body) {
        return ReportIds.validate(Fields.requiredString(body, "video_id", 200));
    }

    private static ImageMode mode(ObjectNode body) {
        return ImageMode.parse(Fields.requiredString(body, "mode", 10));
    }

    private void answer(Context ctx, ImageChange change) {
        ObjectNode out = mapper.createObjectNode().put("ok", true).put("event", change.event()).put("event_id", change.eventId());
        out.setAll(change.payload());
        ctx.json(out);
    }
}
