package dev.ytv2.images;

import dev.ytv2.support.DbTest;
import dev.ytv2.support.Multipart;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input to every image endpoint: a clear 4xx with `{error, message}`, and nothing changed. */
@DbTest
class ImageBadInputTest {
    static TestServer server;
    static ImageKit kit;
    static String id;
    static String other;

    @BeforeAll
    static void start() {
        server = TestServer.start(env -> env.put("YTV2_MAX_UPLOAD_BYTES", "20000"));
        kit = new ImageKit(server);
        id = kit.report("bad input");
        other = kit.report("other");
        kit.appendVariant(id, kit.variant("/exports/images/t/mine.png", "ai1", Instant.parse("2025-01-01T00:00:00Z"), true));
        kit.appendVariant(other, kit.variant("/exports/images/t/theirs.png", "ai1", Instant.parse("2025-01-01T00:00:00Z"), true));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void refused(String path, String body, int status, String error) {
        String before = kit.snapshot(id);
        long events = kit.latestEventId();
        HttpResponse<String> r = kit.post(path, body);
        assertThat(r.statusCode()).as(path + " " + body + " -> " + r.body()).isEqualTo(status);
        assertThat(server.json(r).get("error").asText()).isEqualTo(error);
        assertThat(server.json(r).get("message").asText()).isNotBlank();
        assertThat(kit.snapshot(id)).isEqualTo(before);
        assertThat(kit.latestEventId()).isEqualTo(events);
    }

    @Test
    void malformedBodiesAreRefusedByEveryEndpoint() {
        for (String path : new String[]{"/api/set-image-prompt", "/api/select-image-variant", "/api/set-image-display-mode",
                "/api/delete-image-variant", "/api/restore-image-variant", "/api/star-image-variant", "/api/delete-all-ai-images"}) {
            refused(path, "", 400, "invalid_json");
            refused(path, "{not json", 400, "invalid_json");
            refused(path, "[1,2]", 400, "invalid_json");
            refused(path, "{}", 400, "missing_field");
            refused(path, "{\"video_id\":42}", 400, "invalid_field");
            refused(path, "{\"video_id\":\"../../etc/passwd\\u0000\"}", 400, "invalid_field");
            refused(path, "{\"video_id\":\"<script>\"}", 400, "invalid_id");
        }
    }

    @Test
    void promptsMustHaveAModeAndBeNonBlankAndBounded() {
        refused("/api/set-image-prompt", "{\"video_id\":\"" + id + "\",\"prompt\":\"x\"}", 400, "missing_field");
        refused("/api/set-image-prompt", "{\"video_id\":\"" + id + "\",\"prompt\":\"x\",\"mode\":\"ai3\"}", 400, "invalid_mode");
        refused("/api/set-image-prompt", "{\"video_id\":\"" + id + "\",\"mode\":\"ai1\"}", 400, "missing_field");
        refused("/api/set-image-prompt", "{\"video_id\":\"" + id + "\",\"mode\":\"ai1\",\"prompt\":\"   \"}", 400, "invalid_field");
        refused("/api/set-image-prompt", "{\"video_id\":\"" + id + "\",\"mode\":\"ai1\",\"prompt\":\"" + "p".repeat(4001) + "\"}", 400, "field_too_long");
        refused("/api/set-image-prompt", "{\"video_id\":\"yt:nosuchreport\",\"mode\":\"ai1\",\"prompt\":\"x\"}", 404, "not_found");
        assertThat(kit.post("/api/set-image-prompt", "{\"video_id\":\"" + id + "\",\"mode\":\"ai1\",\"prompt\":\"" + "p".repeat(4000) + "\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void selectionsDeletesAndStarsNeedAVariantOfThisReport() {
        refused("/api/select-image-variant", "{\"video_id\":\"" + id + "\",\"mode\":\"ai1\"}", 400, "missing_field");
        refused("/api/select-image-variant", "{\"video_id\":\"" + id + "\",\"mode\":\"og\",\"url\":\"/exports/images/t/mine.png\"}", 400, "invalid_mode");
        refused("/api/select-image-variant", "{\"video_id\":\"" + id + "\",\"mode\":\"ai1\",\"url\":\"/exports/images/t/theirs.png\"}", 422, "unknown_variant");
        refused("/api/delete-image-variant", "{\"video_id\":\"" + id + "\"}", 400, "missing_field");
        refused("/api/delete-image-variant", "{\"video_id\":\"" + id + "\",\"url\":\"/exports/images/t/theirs.png\"}", 404, "not_found");
        refused("/api/restore-image-variant", "{\"video_id\":\"" + id + "\",\"url\":\"/exports/images/t/mine.png\"}", 409, "not_deleted");
        refused("/api/star-image-variant", "{\"video_id\":\"" + id + "\",\"url\":\"/exports/images/t/mine.png\"}", 400, "missing_field");
        refused("/api/star-image-variant", "{\"video_id\":\"" + id + "\",\"url\":\"/exports/images/t/mine.png\",\"starred\":\"yes\"}", 400, "invalid_field");
        refused("/api/set-image-display-mode", "{\"video_id\":\"" + id + "\"}", 400, "missing_field");
        refused("/api/set-image-display-mode", "{\"video_id\":\"" + id + "\",\"mode\":\"rotate\"}", 400, "invalid_mode");
        refused("/api/set-image-display-mode", "{\"video_id\":\"" + id + "\",\"mode\":1}", 400, "invalid_field");
        refused("/api/delete-all-ai-images", "{\"video_id\":\"" + id + "\",\"modes\":[\"og\"]}", 400, "invalid_mode");
        refused("/api/delete-all-ai-images", "{\"video_id\":\"" + id + "\",\"modes\":[]}", 400, "invalid_mode");
        refused("/api/delete-all-ai-images", "{\"video_id\":\"" + id + "\",\"modes\":\"ai1\"}", 400, "invalid_mode");
    }

    @Test
    void imageJobsNeedAKnownReportAndANumericJob() {
        assertThat(server.get("/api/image-jobs").statusCode()).isEqualTo(400);
        assertThat(server.get("/api/image-jobs?video_id=yt:nosuchreport").statusCode()).isEqualTo(404);
        assertThat(server.getJson("/api/image-jobs?video_id=" + id).get("jobs")).isEmpty();
        assertThat(kit.post("/api/image-jobs/abc/retry", "").statusCode()).isEqualTo(400);
        assertThat(kit.post("/api/image-jobs/7/retry", "").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> upload(String contentType, byte[] body) {
        return server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/upload-image"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                "Authorization", "Bearer " + TestServer.ADMIN);
    }

    private static void uploadRefused(Multipart m, int status) throws Exception {
        long files = storedFiles();
        HttpResponse<String> r = upload(m.contentType(), m.body());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(server.json(r).get("error").asText()).isNotBlank();
        assertThat(storedFiles()).isEqualTo(files);
    }

    @Test
    void uploadsAcceptOnlyRealImagesWithinTheLimitUnderAServerChosenName() throws Exception {
        uploadRefused(Multipart.file("image", "a.png", "image/png", "<html><script>alert(1)</script></html>".getBytes()), 415);
        uploadRefused(Multipart.file("image", "a.gif", "image/gif", "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000".getBytes()), 415);
        uploadRefused(Multipart.file("image", "a.png", "image/png", new byte[0]), 415);
        uploadRefused(Multipart.file("file", "a.png", "image/png", Multipart.png()), 400);
        assertThat(upload("application/json", "{}".getBytes()).statusCode()).isEqualTo(400);

        Multipart evil = Multipart.file("image", "../../../etc/evil.png", "text/plain", Multipart.png());
        HttpResponse<String> r = upload(evil.contentType(), evil.body());
        assertThat(r.statusCode()).isEqualTo(201);
        String url = server.json(r).get("public_url").asText();
        assertThat(url).matches("/exports/images/uploads/[0-9a-f]{32}\\.png");
        assertThat(server.getBytes(url).body()).isEqualTo(Multipart.png());
        try (Stream<Path> all = Files.walk(server.dataDir)) {
            assertThat(all.filter(p -> p.getFileName().toString().contains("evil"))).isEmpty();
        }
        // Last: Jetty closes the connection after refusing an oversized body.
        byte[] big = new byte[30_000];
        System.arraycopy(Multipart.png(), 0, big, 0, Multipart.png().length);
        uploadRefused(Multipart.file("image", "big.png", "image/png", big), 413);
    }

    private static long storedFiles() throws Exception {
        try (Stream<Path> all = Files.walk(server.dataDir.resolve("images"))) {
            return all.filter(Files::isRegularFile).count();
        }
    }
}
