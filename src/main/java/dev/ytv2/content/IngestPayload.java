package dev.ytv2.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.errors.Refusal;
import dev.ytv2.http.Fields;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One report as existing YTV2 workers send it (README, API: Ingest), validated. JSON documents may arrive
 * as objects or as JSON strings; both are accepted.
 */
public record IngestPayload(
        String videoId, String contentSource, Optional<String> title, Optional<String> channelName,
        Optional<String> canonicalUrl, Optional<String> thumbnailUrl, Optional<Integer> durationSeconds,
        Optional<OffsetDateTime> publishedAt, Optional<OffsetDateTime> indexedAt, Optional<String> language,
        Optional<JsonNode> analysis, Optional<JsonNode> subcategories, Optional<JsonNode> topics,
        Optional<JsonNode> media, Optional<JsonNode> mediaMetadata, Optional<Boolean> hasAudio,
        List<Summary> summaries) {

    public record Summary(String variant, Optional<String> summaryType, Optional<String> text, Optional<String> html) {
    }

    private static final int MAX_TEXT = 2_000_000;

    public static IngestPayload parse(ObjectNode body, ObjectMapper mapper) {
        String rawId = ReportIds.validate(Fields.requiredString(body, "video_id", 200));
        Optional<String> canonical = url(body, "canonical_url");
        String source = Fields.optionalString(body, "content_source", 50).map(s -> s.trim().toLowerCase())
                .filter(s -> !s.isEmpty()).orElseGet(() -> ReportIds.inferSource(rawId, canonical.orElse(null)));
        if (!source.matches("[a-z0-9_.-]{1,50}")) throw Refusal.invalid("invalid_field", "Field 'content_source' must be a simple name like youtube, reddit or web.");
        JsonNode analysis = body.has("analysis_json") ? body.get("analysis_json") : body.get("analysis");
        Optional<JsonNode> media = document(mapper, body.get("media"), "media", true);
        Optional<Boolean> hasAudio = Fields.optionalBoolean(body, "has_audio")
                .or(() -> media.map(m -> m.path("has_audio").asBoolean(false) || m.path("audio_url").isTextual()));
        return new IngestPayload(rawId, source,
                text(body, "title", 1000), text(body, "channel_name", 500), canonical, url(body, "thumbnail_url"),
                duration(body.get("duration_seconds")),
                time(body, "published_at"), time(body, "indexed_at"),
                text(body, "language", 20),
                document(mapper, analysis, "analysis_json", true),
                document(mapper, body.get("subcategories_json"), "subcategories_json", false),
                document(mapper, body.get("topics_json"), "topics_json", false),
                media,
                document(mapper, body.get("media_metadata"), "media_metadata", true),
                hasAudio,
                summaries(body.get("summary_variants")));
    }

    private static Optional<String> text(JsonNode body, String name, int max) {
        return Fields.optionalString(body, name, max).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** Only http(s) URLs or our own paths: anything else could become a script URL in a browser. */
    private static Optional<String> url(JsonNode body, String name) {
        Optional<String> value = text(body, name, 2000);
        value.ifPresent(u -> {
            String lower = u.toLowerCase();
            boolean ok = lower.startsWith("http://") || lower.startsWith("https://") || (u.startsWith("/") && !u.startsWith("//"));
            if (!ok || u.chars().anyMatch(c -> c < 0x20 || c == '"' || c == '<' || c == '>')) {
                throw Refusal.invalid("invalid_url", "Field '" + name + "' must be an http(s) URL.");
            }
        });
        return value;
    }

    private static Optional<Integer> duration(JsonNode node) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) return Optional.empty();
        double value;
        if (node.isNumber()) value = node.asDouble();
        else if (node.isTextual()) {
            try {
                value = Double.parseDouble(node.asText().trim());
            } catch (NumberFormatException e) {
                throw Refusal.invalid("invalid_field", "Field 'duration_seconds' must be a number of seconds.");
            }
        } else throw Refusal.invalid("invalid_field", "Field 'duration_seconds' must be a number of seconds.");
        if (Double.isNaN(value) || value < 0 || value > 10_000_000) {
            throw Refusal.invalid("invalid_field", "Field 'duration_seconds' must be between 0 and 10000000.");
        }
        return Optional.of((int) Math.round(value));
    }

    private static Optional<OffsetDateTime> time(JsonNode body, String name) {
        Optional<String> raw = text(body, name, 64);
        if (raw.isEmpty()) return Optional.empty();
        String v = raw.get();
        try {
            if (v.length() == 10) return Optional.of(Timestamps.storable(LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC), name));
            try {
                return Optional.of(Timestamps.storable(OffsetDateTime.parse(v), name));
            } catch (DateTimeParseException e) {
                return Optional.of(Timestamps.storable(LocalDateTime.parse(v.replace(' ', 'T')).atOffset(ZoneOffset.UTC), name));
            }
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_date", "Field '" + name + "' must be an ISO-8601 date or timestamp.");
        }
    }

    private static Optional<JsonNode> document(ObjectMapper mapper, JsonNode node, String name, boolean objectOnly) {
        if (node == null || node.isNull()) return Optional.empty();
        JsonNode doc = node;
        if (node.isTextual()) {
            if (node.asText().isBlank()) return Optional.empty();
            try {
                doc = mapper.readTree(node.asText());
            } catch (Exception e) {
                throw Refusal.invalid("invalid_field", "Field '" + name + "' is a string but not valid JSON.");
            }
        }
        boolean ok = objectOnly ? doc.isObject() : doc.isObject() || doc.isArray();
        if (!ok) throw Refusal.invalid("invalid_field", "Field '" + name + "' must be a JSON " + (objectOnly ? "object." : "object or array."));
        // PostgreSQL's jsonb cannot hold \u0000; refuse it here rather than fail the insert.
        if (containsNul(doc)) throw Refusal.invalid("invalid_field", "Field '" + name + "' contains a NUL character.");
        return Optional.of(doc);
    }

    private static boolean containsNul(JsonNode node) {
        if (node.isTextual()) return node.textValue().indexOf('\u0000') >= 0;
        for (var field : node.properties()) {
            if (field.getKey().indexOf('\u0000') >= 0 || containsNul(field.getValue())) return true;
        }
        for (JsonNode item : node.isArray() ? node : List.<JsonNode>of()) if (containsNul(item)) return true;
        return false;
    }

    private static List<Summary> summaries(JsonNode node) {
        if (node == null || node.isNull()) return List.of();
        if (!node.isArray()) throw Refusal.invalid("invalid_field", "Field 'summary_variants' must be an array.");
        if (node.size() > 20) throw Refusal.invalid("invalid_field", "At most 20 summary variants per report.");
        List<Summary> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject()) throw Refusal.invalid("invalid_field", "Each summary variant must be an object.");
            String variant = Fields.requiredString(item, "variant", 100).trim();
            if (!variant.matches("[\\p{L}\\p{N} _.:-]{1,100}")) throw Refusal.invalid("invalid_field", "Summary variant name '" + variant + "' is not allowed.");
            out.add(new Summary(variant, text(item, "summary_type", 100),
                    Fields.optionalString(item, "text", MAX_TEXT), Fields.optionalString(item, "html", MAX_TEXT)));
        }
        return out;
    }
}
