package dev.ytv2.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

import java.io.UncheckedIOException;

/** The one ObjectMapper set-up: bounded nesting and sizes so hostile bodies are refused early. */
public final class Json {
    private Json() {
    }

    public static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64)
                        .maxStringLength(5_000_000)
                        .maxNumberLength(64)
                        .build())
                // Two values for one key would let two readers of a body disagree on what it says.
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return new ObjectMapper(factory)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /**
     * Writes a large JSON answer (a page of reports, facets, a report's detail) as UTF-8 bytes
     * straight from the tree. `ctx.json` goes through a String, and one character outside Latin-1
     * in a page makes that String UTF-16: building, copying and re-encoding it cost more than the page.
     */
    public static void send(Context ctx, ObjectMapper mapper, Object value) {
        ctx.contentType(ContentType.APPLICATION_JSON).result(bytes(mapper, value));
    }

    /** The value as JSON, for an answer written now and sent later. */
    public static byte[] bytes(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a request body as a JSON object, or refuses with a 400 that says why. */
    public static ObjectNode parseObject(ObjectMapper mapper, byte[] body) {
        if (body == null || body.length == 0) throw ApiError.badRequest("invalid_json", "The request body is empty; send a JSON object.");
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (Exception e) {
            throw ApiError.badRequest("invalid_json", "The request body is not valid JSON.");
        }
        if (node == null || !node.isObject()) throw ApiError.badRequest("invalid_json", "The request body must be a JSON object.");
        return (ObjectNode) node;
    }
}
