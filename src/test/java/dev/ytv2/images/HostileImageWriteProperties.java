package dev.ytv2.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.Hostile;
import dev.ytv2.support.Multipart;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile bodies for every image write and upload: a 2xx or a clear 4xx, and a refusal
 * leaves the report (API detail and raw row) and the event log exactly as they were.
 */
@DbTest
class HostileImageWriteProperties {
    static TestServer server;
    static ImageKit kit;
    static String id;

    @BeforeContainer
    static void start() {
        server = TestServer.start();
        kit = new ImageKit(server);
        id = kit.report("hostile images");
        Instant t = Instant.parse("2025-06-01T00:00:00Z");
        kit.appendVariant(id, kit.variant("/exports/images/t/with-id.png", "ai1", t, true));
        kit.appendVariant(id, kit.variant("/exports/images/t/no-id.png", "ai2", t.plusSeconds(1), false));
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    /** A valid body per endpoint; the property replaces one of its fields (or adds one) with a hostile value. */
    static final Map<String, String> VALID = Map.of(
            "/api/set-image-prompt", "{\"mode\":\"ai1\",\"prompt\":\"a lighthouse\"}",
            "/api/select-image-variant", "{\"mode\":\"ai2\",\"url\":\"/exports/images/t/no-id.png\"}",
            "/api/set-image-display-mode", "{\"mode\":\"ai2\"}",
            "/api/delete-image-variant", "{\"url\":\"/exports/images/t/no-id.png\"}",
            "/api/restore-image-variant", "{\"url\":\"/exports/images/t/no-id.png\"}",
            "/api/star-image-variant", "{\"url\":\"/exports/images/t/with-id.png\",\"starred\":true}",
            "/api/delete-all-ai-images", "{\"modes\":[\"ai1\"]}");

    @Provide
    Arbitrary<String> endpoint() {
        return Arbitraries.of(List.copyOf(VALID.keySet()).stream().sorted().toList());
    }

    @Provide
    Arbitrary<String> field() {
        return Arbitraries.of("video_id", "mode", "prompt", "url", "id", "starred", "modes", "extra");
    }

    @Provide
    Arbitrary<JsonNode> value() {
        return Hostile.jsonValues();
    }

    @Property(tries = 200)
    void everyImageWriteAnswersCleanlyAndARefusalChangesNothing(@ForAll("endpoint") String path, @ForAll("field") String field,
                                                                @ForAll("value") JsonNode value, @ForAll boolean escape) throws Exception {
        ObjectNode body = (ObjectNode) server.mapper.readTree(VALID.get(path));
        body.put("video_id", id);
        body.set(field, value);
        String before = kit.snapshot(id);
        long events = kit.latestEventId();
        HttpResponse<String> r = kit.post(path, Hostile.json(body, escape));
        Hostile.answeredCleanly(r, server.mapper, path + " " + field + "=" + value);
        if (r.statusCode() >= 400) {
            assertThat(kit.snapshot(id)).as(path + " refused but changed the report").isEqualTo(before);
            assertThat(kit.latestEventId()).as(path + " refused but raised an event").isEqualTo(events);
        }
    }

    @Provide
    Arbitrary<byte[]> fileBytes() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2048),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(512).map(b -> concat(Multipart.png(), b)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(512).map(b -> concat("RIFF\0\0\0\0WAVEfmt ".getBytes(), b)));
    }

    @Property(tries = 100)
    void uploadsOfAnyBytesNameAndTypeAnswerCleanly(@ForAll("fileBytes") byte[] bytes, @ForAll("name") String filename,
                                                   @ForAll("name") String type, @ForAll boolean audio) {
        Multipart m = Multipart.file(audio ? "audio" : "image", filename, type, bytes);
        String path = audio ? "/ingest/audio" : "/api/upload-image";
        byte[] body = audio ? concat(field(m, "video_id", id), m.body()) : m.body();
        // The shared keep-alive client on purpose: a refusal must not leave it a dead connection.
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.base + path))
                .header("Content-Type", m.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                "Authorization", "Bearer " + TestServer.ADMIN);
        Hostile.answeredCleanly(r, server.mapper, path + " " + filename);
        if (r.statusCode() < 300) {
            // the client's name is never used: the stored file is named by the server, 32 random hex
            // digits (a search for the name in the answer would find "0" in any id)
            String url = server.json(r).path(audio ? "audio_url" : "public_url").asText();
            assertThat(url).as("stored name for %s", filename).matches("/exports/(?:[a-z0-9_-]+/)+[0-9a-f]{32}\\.[a-z0-9]+");
        }
    }

    @Provide
    Arbitrary<String> name() {
        return Hostile.strings().map(s -> s.replaceAll("[\\r\\n\"]", "_"));
    }

    /** A text field in front of a multipart body that shares its boundary. */
    private static byte[] field(Multipart m, String name, String value) {
        String boundary = m.contentType().substring(m.contentType().indexOf("boundary=") + 9);
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n").getBytes();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
