package dev.ytv2.support;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed and hostile input for property tests, and the one rule every answer must keep. */
public final class Hostile {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Writes every non-ASCII char as a \\uXXXX escape, so lone surrogates reach the server as such. */
    public static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** Strings that have broken parsers, databases and browsers before. */
    public static final List<String> CORPUS = List.of(
            "", " ", "\u0000", "a\u0000b", "\ud800", "\udfff", "x\udc00y", "\u202e\u202dtxt.exe", "\u200f\u200e", "\ufeff",
            "\uffff", "\ufffd", "𝕏𝕐", "🧨💥", "e\u0301", "\u0085\u2028\u2029", "\t\r\n", "../../etc/passwd", "..\\..\\win.ini",
            "%2e%2e%2f", "%00", "<script>window.__xss=1</script>", "javascript:alert(1)", "' OR '1'='1", "\"; DROP TABLE content; --",
            "$(reboot)", "{{7*7}}", "${jndi:ldap://127.0.0.1/a}", "null", "true", "-1", "0", "1e309", "NaN", "99999999999999999999",
            "yt:", "yt:" + "a".repeat(300), "reddit:../x", "web:%00", "x".repeat(201), "y".repeat(5000), "\\", "/", "//evil", "?", "#",
            "2025-02-30", "2025-01-01T25:00:00Z", "9999-12-31T23:59:59Z", "+275760-09-13T00:00:00Z");

    private Hostile() {
    }

    public static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.of(CORPUS),
                extremes(),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0590', '\u06ff').withChars('\u202e', '\u200f', '\u0000').ofMaxLength(20),
                Arbitraries.of(CORPUS).list().ofMaxSize(3).map(l -> String.join("", l)));
    }

    /**
     * Values at the edges of what the database takes: timestamps of any year a parser accepts with
     * any offset it accepts, searches made of operators only, unbalanced quotes, numbers too long for any type.
     */
    public static Arbitrary<String> extremes() {
        Arbitrary<java.time.OffsetDateTime> instants = net.jqwik.api.Combinators.combine(
                Arbitraries.oneOf(Arbitraries.integers().between(-999_999_999, 999_999_999), Arbitraries.of(0, 1, 9999, 10000, 294277)),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28),
                Arbitraries.integers().between(-18 * 60, 18 * 60))
                .as((year, month, day, offset) -> java.time.OffsetDateTime.of(year, month, day, 0, 0, 0, 0,
                        java.time.ZoneOffset.ofTotalSeconds(offset * 60)));
        return Arbitraries.oneOf(
                instants.map(java.time.OffsetDateTime::toString),
                instants.map(t -> t.toLocalDate().toString()),
                Arbitraries.of("-", "--", "!", "|", "&", "\"", "(", ")", ":", "*", "<->", " or ", " ", "-\"", "a")
                        .list().ofMinSize(1).ofMaxSize(120).map(l -> String.join("", l)),
                Arbitraries.integers().between(1, 200).map("-"::repeat),
                Arbitraries.integers().between(19, 400).map(n -> "9".repeat(n)),
                Arbitraries.integers().between(19, 60).map(n -> "-" + "9".repeat(n) + ".5e99999"));
    }

    /** Percent-encoded fragments sent as they are: invalid and overlong UTF-8, encoded NULs and slashes. */
    public static Arbitrary<String> rawQueryValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("%ED%A0%80", "%C0%AF", "%C0%AE%C0%AE%2F", "%FF%FE", "%00", "%E2%80%AE", "%25%32%65", "%F4%90%80%80",
                        "%2", "%%", "%u202e", "a%20b", "%2F..%2F", "%EF%BB%BF"),
                strings().map(Hostile::encode));
    }

    /** Any JSON value: wrong types, huge numbers, deep nesting, hostile strings. */
    public static Arbitrary<JsonNode> jsonValues() {
        return Arbitraries.oneOf(
                strings().map(F::textNode),
                Arbitraries.integers().map(F::numberNode),
                Arbitraries.of(Long.MIN_VALUE, -1L, 0L, 86_400L * 365 * 10_000).map(F::numberNode),
                Arbitraries.of(F.numberNode(new BigInteger("1" + "0".repeat(40))), F.numberNode(1.5e300), F.numberNode(-0.0)),
                Arbitraries.of(F.booleanNode(true), F.booleanNode(false), F.nullNode()),
                strings().list().ofMaxSize(4).map(Hostile::array),
                Arbitraries.integers().between(1, 120).map(Hostile::nested),
                strings().map(s -> (JsonNode) F.objectNode().put(s, s).put("summary_image_variants", s)));
    }

    private static JsonNode array(List<String> items) {
        ArrayNode a = F.arrayNode();
        items.forEach(a::add);
        return a;
    }

    private static JsonNode nested(int depth) {
        JsonNode inner = F.textNode("deep");
        for (int i = 0; i < depth; i++) inner = i % 2 == 0 ? F.arrayNode().add(inner) : F.objectNode().set("k", inner);
        return inner;
    }

    public static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Writes a body, escaping non-ASCII or not as `escape` says. */
    public static String json(ObjectNode body, boolean escape) {
        try {
            return escape ? ESCAPING.writeValueAsString(body) : body.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rule for every answer to anything: a 2xx, or a 4xx with `{error, message}`; never a 5xx or a trace. */
    public static void answeredCleanly(HttpResponse<String> r, ObjectMapper mapper, String what) {
        assertThat(r.statusCode()).as(what + " -> " + r.body()).isBetween(200, 499);
        assertThat(r.body()).as(what).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("org.postgresql");
        if (r.statusCode() >= 400) {
            try {
                JsonNode body = mapper.readTree(r.body());
                assertThat(body.path("error").asText()).as(what + " error code").isNotBlank();
                assertThat(body.path("message").asText()).as(what + " message").isNotBlank();
            } catch (java.io.IOException e) {
                throw new AssertionError(what + ": refusal is not JSON: " + r.body(), e);
            }
        }
    }
}
