package dev.ytv2.images;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** One entry of `summary_image_variants`, as far as selection and deletion need it. */
public record Variant(int position, Optional<String> id, String url, ImageMode mode, Optional<Instant> createdAt,
                      boolean deleted, boolean starred) {

    static Optional<Variant> of(int position, JsonNode v) {
        if (!v.isObject() || !v.path("url").isTextual() || v.get("url").asText().isBlank()) return Optional.empty();
        return Optional.of(new Variant(position,
                text(v, "id"),
                v.get("url").asText(),
                ImageMode.ofStored(v.path("image_mode").asText(null)),
                text(v, "created_at").flatMap(Variant::instant),
                text(v, "deleted_at").isPresent(),
                v.path("starred").asBoolean(false)));
    }

    /** Newer first: by `created_at` where both have one, else by position (workers append). */
    public boolean newerThan(Variant other) {
        if (createdAt.isPresent() && other.createdAt.isPresent() && !createdAt.get().equals(other.createdAt.get())) {
            return createdAt.get().isAfter(other.createdAt.get());
        }
        return position > other.position;
    }

    private static Optional<String> text(JsonNode v, String key) {
        JsonNode n = v.get(key);
        return n == null || n.isNull() || n.asText().isBlank() ? Optional.empty() : Optional.of(n.asText());
    }

    private static Optional<Instant> instant(String s) {
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(s));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
