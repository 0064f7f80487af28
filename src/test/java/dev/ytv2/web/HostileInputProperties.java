package dev.ytv2.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.Hostile;
import dev.ytv2.support.RawHttp;
import dev.ytv2.support.TestServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated malformed and hostile input against the read, ingest and session endpoints: every
 * answer is a 2xx or a clear 4xx, and a refused write changes nothing (the report's detail and the
 * newest event id are compared before and after).
 */
@DbTest
class HostileInputProperties {
    static final String TARGET = "yt:hostile0001";
    static final List<String> READ_PARAMS = List.of("q", "source", "category", "subcategory", "channel", "language",
            "content_type", "summary_type", "has_audio", "ids", "date_from", "date_to", "sort", "page", "size", "unknown");
    static final List<String> INGEST_FIELDS = List.of("video_id", "title", "channel_name", "canonical_url", "thumbnail_url",
            "duration_seconds", "published_at", "indexed_at", "language", "content_source", "analysis_json", "analysis",
            "subcategories_json", "topics_json", "media", "media_metadata", "has_audio", "summary_variants");
    static TestServer server;
    static final java.util.concurrent.atomic.AtomicInteger GUESSERS = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeContainer
    static void start() {
        // Wrong sign-in tokens come from addresses of their own (through the trusted local proxy), so
        // the per-address limit on guesses leaves the other properties' calls alone.
        server = TestServer.start(env -> env.put("YTV2_TRUSTED_PROXIES", "127.0.0.1,::1"));
        server.ingest(valid());
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    static ObjectNode valid() {
        ObjectNode r = server.object().put("video_id", TARGET).put("title", "Target").put("channel_name", "Chan")
                .put("canonical_url", "https://example.com/v").put("published_at", "2025-01-01T00:00:00Z");
        r.putObject("analysis_json").put("summary_image_prompt", "kept").putArray("category").add("Science");
        r.putArray("summary_variants").addObject().put("variant", "comprehensive").put("text", "Body").put("html", "<p>Body</p>");
        return r;
    }

    @Provide
    Arbitrary<String> readParam() {
        return Arbitraries.of(READ_PARAMS);
    }

    @Provide
    Arbitrary<String> rawValue() {
        return Hostile.rawQueryValues();
    }

    @Provide
    Arbitrary<String> ingestField() {
        return Arbitraries.of(INGEST_FIELDS);
    }

    @Provide
    Arbitrary<JsonNode> jsonValue() {
        return Hostile.jsonValues();
    }

    @Property(tries = 200)
    void listsAndFacetsAnswerEveryQueryCleanly(@ForAll("readParam") String name, @ForAll("rawValue") String value,
                                               @ForAll("readParam") String other, @ForAll("rawValue") String otherValue,
                                               @ForAll boolean facets) {
        String path = (facets ? "/api/filters?" : "/api/reports?") + name + "=" + value + "&" + other + "=" + otherValue;
        Hostile.answeredCleanly(raw(path), server.mapper, path);
    }

    @Provide
    Arbitrary<String> extreme() {
        return Hostile.extremes();
    }

    @Property(tries = 200)
    void listsAndFacetsAnswerValuesAtTheDatabasesEdgesCleanly(@ForAll("readParam") String name, @ForAll("extreme") String value,
                                                              @ForAll boolean facets) {
        String path = (facets ? "/api/filters?" : "/api/reports?") + name + "=" + Hostile.encode(value);
        Hostile.answeredCleanly(raw(path), server.mapper, path);
    }

    @Property(tries = 150)
    void ingestAnswersValuesAtTheDatabasesEdgesCleanly(@ForAll("ingestField") String field, @ForAll("extreme") String value) {
        HttpResponse<String> r = server.post("/ingest/report", valid().put(field, value).toString(), "X-INGEST-TOKEN", TestServer.INGEST);
        Hostile.answeredCleanly(r, server.mapper, field + "=" + value);
        server.ingest(valid());
    }

    @Property(tries = 100)
    void reportDetailsAnswerEveryIdCleanly(@ForAll("rawValue") String id) {
        String path = "/api/reports/" + id.replace("%2F", "/");
        Hostile.answeredCleanly(raw(path), server.mapper, path);
    }

    @Property(tries = 200)
    void ingestAnswersCleanlyAndARefusalChangesNothing(@ForAll("ingestField") String field, @ForAll("jsonValue") JsonNode value,
                                                       @ForAll boolean escape) {
        String before = server.get("/api/reports/" + TARGET).body();
        long events = server.running.services().events().latestId();
        ObjectNode body = valid().set(field, value);
        HttpResponse<String> r = server.post("/ingest/report", Hostile.json(body, escape), "X-INGEST-TOKEN", TestServer.INGEST);
        Hostile.answeredCleanly(r, server.mapper, field + "=" + value);
        if (r.statusCode() >= 400) {
            assertThat(server.get("/api/reports/" + TARGET).body()).isEqualTo(before);
            assertThat(server.running.services().events().latestId()).isEqualTo(events);
        }
        server.ingest(valid());
    }

    @Property(tries = 100)
    void rawBytesAnswerCleanlyEverywhere(@ForAll("jsonEndpoint") String path, @ForAll byte[] bytes, @ForAll boolean asJson) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(server.base + path))
                .header("Content-Type", asJson ? "application/json" : "text/plain; charset=utf-16")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        Hostile.answeredCleanly(server.send(req, "Authorization", "Bearer " + TestServer.ADMIN), server.mapper, path);
    }

    @Provide
    Arbitrary<String> jsonEndpoint() {
        return Arbitraries.of("/ingest/report", "/api/session", "/api/set-image-prompt", "/api/select-image-variant",
                "/api/set-image-display-mode", "/api/delete-image-variant", "/api/restore-image-variant", "/api/star-image-variant",
                "/api/delete-all-ai-images", "/api/upload-image", "/ingest/audio", "/api/image-jobs/1/retry");
    }

    @Property(tries = 100)
    void signInAnswersEveryBodyCleanlyAndNeverSignsInAStranger(@ForAll("jsonValue") JsonNode token, @ForAll boolean escape) {
        ObjectNode body = server.object().set("token", token);
        HttpResponse<String> r = server.post("/api/session", Hostile.json(body, escape),
                "X-Forwarded-For", "10.2." + (GUESSERS.incrementAndGet() % 250) + ".1");
        Hostile.answeredCleanly(r, server.mapper, "token=" + token);
        assertThat(r.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    private static HttpResponse<String> raw(String path) {
        return RawHttp.get(server.base, path);
    }
}
