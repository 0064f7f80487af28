package dev.ytv2.images;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.errors.Refusal;
import dev.ytv2.http.Fields;

import java.util.Optional;

/**
 * How a request names a variant: by its stable `id`, or by `url` for variants an older worker wrote
 * without an id. When both are given the id wins.
 */
public record VariantRef(Optional<String> id, Optional<String> url) {
    /** Matches one JSON element `v` of the variants array; binds :refId and :refUrl. */
    static final String SQL_MATCH = """
            (CASE WHEN CAST(:refId AS text) IS NOT NULL THEN v ->> 'id' = CAST(:refId AS text)
                  ELSE v ->> 'url' = CAST(:refUrl AS text) END)""";

    public static VariantRef from(JsonNode body) {
        Optional<String> id = Fields.optionalString(body, "id", 200).map(String::trim).filter(s -> !s.isEmpty());
        Optional<String> url = Fields.optionalString(body, "url", 2000).map(String::trim).filter(s -> !s.isEmpty());
        if (id.isEmpty() && url.isEmpty()) {
            throw Refusal.invalid("missing_field", "Name the variant with field 'id' or 'url'.");
        }
        return new VariantRef(id, url);
    }

    boolean matches(Variant v) {
        return id.isPresent() ? id.equals(v.id()) : url.get().equals(v.url());
    }

    String describe() {
        return id.map(i -> "id '" + i + "'").orElseGet(() -> "url '" + url.get() + "'");
    }
}
