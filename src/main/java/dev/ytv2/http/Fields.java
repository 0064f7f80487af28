package dev.ytv2.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.errors.Refusal;

import java.util.Optional;

/** Typed, bounded reads of JSON request fields; anything else is a 400 naming the field. */
public final class Fields {
    private Fields() {
    }

    public static String requiredString(JsonNode body, String name, int maxLength) {
        return optionalString(body, name, maxLength)
                .orElseThrow(() -> Refusal.invalid("missing_field", "Field '" + name + "' is required."));
    }

    public static Optional<String> optionalString(JsonNode body, String name, int maxLength) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.isTextual()) throw Refusal.invalid("invalid_field", "Field '" + name + "' must be a string.");
        String text = value.asText();
        if (text.length() > maxLength) {
            throw Refusal.invalid("field_too_long", "Field '" + name + "' is longer than " + maxLength + " characters.");
        }
        if (text.indexOf('\u0000') >= 0) throw Refusal.invalid("invalid_field", "Field '" + name + "' contains a NUL character.");
        return Optional.of(text);
    }

    public static Optional<Boolean> optionalBoolean(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) return Optional.empty();
        if (!value.isBoolean()) throw Refusal.invalid("invalid_field", "Field '" + name + "' must be true or false.");
        return Optional.of(value.booleanValue());
    }
}
