package dev.ytv2.web;

import dev.ytv2.support.DbTest;
import dev.ytv2.support.Multipart;
import dev.ytv2.support.RawHttp;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** A 20 MB body is refused by every endpoint that takes one (413 or 400), never accepted, never a 500. */
@DbTest
class BodySizeLimitTest {
    static final int TWENTY_MB = 20 * 1024 * 1024;
    static TestServer server;
    static long events;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.ingest(server.object().put("video_id", "yt:sizelimit1").put("title", "Size"));
        events = server.running.services().events().latestId();
    }

    @AfterAll
    static void stop() {
        assertThat(server.running.services().events().latestId()).as("no refused body raised an event").isEqualTo(events);
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ingest/report", "/api/session", "/api/set-image-prompt", "/api/select-image-variant",
            "/api/set-image-display-mode", "/api/delete-image-variant", "/api/restore-image-variant", "/api/star-image-variant",
            "/api/delete-all-ai-images", "/api/image-jobs/1/retry", "/api/reports", "/api/report-events"})
    void aHugeJsonBodyIsRefused(String path) throws Exception {
        byte[] body = new byte[TWENTY_MB];
        Arrays.fill(body, (byte) ' ');
        String prefix = "{\"video_id\":\"yt:sizelimit1\",\"token\":\"x\",\"prompt\":\"";
        System.arraycopy(prefix.getBytes(), 0, body, 0, prefix.length());
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        refused(HttpRequest.newBuilder(URI.create(server.base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/upload-image", "/ingest/audio"})
    void aHugeUploadIsRefused(String path) throws Exception {
        byte[] data = Arrays.copyOf(Multipart.png(), TWENTY_MB);
        Multipart m = Multipart.file(path.contains("audio") ? "audio" : "image", "big.png", "image/png", data);
        refused(HttpRequest.newBuilder(URI.create(server.base + path)).header("Content-Type", m.contentType())
                .POST(m.publisher()), path);
    }

    /**
     * Jetty drops the connection after refusing a body it did not read; without `Connection: close`
     * a keep-alive client may send its next request into that closing socket and get no answer.
     */
    @org.junit.jupiter.api.Test
    void aRefusalOfAnUnreadBodyTellsTheClientTheConnectionCloses() {
        HttpResponse<String> r = RawHttp.send(server.base, "POST", "/api/upload-image",
                "--b\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nabc".getBytes(),
                "Content-Type", "multipart/form-data; boundary=b", "Authorization", "Bearer " + TestServer.ADMIN,
                "Connection", "keep-alive");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Connection")).hasValue("close");
    }

    private static void refused(HttpRequest.Builder request, String path) throws Exception {
        String before = server.get("/api/reports/yt:sizelimit1").body();
        HttpResponse<String> r;
        try {
            r = HttpClient.newHttpClient().send(request.header("Authorization", "Bearer " + TestServer.ADMIN)
                    .header("X-INGEST-TOKEN", TestServer.INGEST).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException closedEarly) {
            // The server may answer and close while the client is still sending; what matters is
            // that nothing was accepted, which the checks below and in stop() establish.
            assertThat(server.get("/api/reports/yt:sizelimit1").body()).isEqualTo(before);
            return;
        }
        assertThat(r.statusCode()).as(path + " " + r.body()).isIn(400, 404, 405, 406, 413);
        assertThat(server.json(r).path("error").asText()).isNotBlank();
        assertThat(server.get("/api/reports/yt:sizelimit1").body()).isEqualTo(before);
    }
}
