package dev.ytv2.security;

import dev.ytv2.files.FileStore;
import dev.ytv2.files.FileSweeper;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.Multipart;
import dev.ytv2.support.RawHttp;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Smaller hardening: caching, method override, duplicate keys, render errors, ranges, stale uploads. */
@DbTest
class HardeningTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.ingest(server.object().put("video_id", "yt:harden00001").put("title", "Hardening"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void answersToAuthenticatedCallsAreNeverCached() {
        HttpResponse<String> admin = server.get("/api/reports", "Authorization", "Bearer " + TestServer.ADMIN);
        assertThat(admin.headers().firstValue("Cache-Control")).contains("no-store");
        HttpResponse<String> session = server.get("/api/session", "Cookie", "ytv2_session=x.y");
        assertThat(session.headers().firstValue("Cache-Control")).contains("no-store");
        HttpResponse<String> ingest = server.post("/ingest/report", "{\"video_id\":\"yt:harden00001\"}", "X-INGEST-TOKEN", TestServer.INGEST);
        assertThat(ingest.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void methodOverrideCannotTurnAPostIntoADelete() {
        HttpResponse<String> r = RawHttp.send(server.base, "POST", "/api/reports/yt:harden00001", "{}".getBytes(),
                "Content-Type", "application/json", "Authorization", "Bearer " + TestServer.ADMIN, "X-HTTP-Method-Override", "DELETE");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(server.json(r).path("error").asText()).isEqualTo("method_override");
        assertThat(server.get("/api/reports/yt:harden00001").statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyWithTheSameKeyTwiceIsRefused() {
        HttpResponse<String> r = server.post("/ingest/report", "{\"video_id\":\"yt:harden00001\",\"title\":\"A\",\"title\":\"B\"}",
                "X-INGEST-TOKEN", TestServer.INGEST);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(server.json(r).path("error").asText()).isEqualTo("invalid_json");
        HttpResponse<String> nested = server.post("/ingest/report",
                "{\"video_id\":\"yt:harden00001\",\"analysis_json\":\"{\\\"a\\\":1,\\\"a\\\":2}\"}", "X-INGEST-TOKEN", TestServer.INGEST);
        assertThat(nested.statusCode()).isEqualTo(400);
        assertThat(server.getJson("/api/reports/yt:harden00001").get("title").asText()).isEqualTo("Hardening");
    }

    @Test
    void renderErrorsShownToNonAdminsNameTheBackendButNotItsAddressOrReply() {
        server.running.database().jdbi().useHandle(h -> h.execute("""
                INSERT INTO image_jobs (video_id, mode, prompt, state, attempts, last_error)
                VALUES ('yt:harden00001', 'ai1', 'p', 'failed', 2,
                        'sdapi: HTTP 500 from http://10.9.9.9:7860/sdapi/v1/txt2img: OutOfMemoryError: CUDA out of memory')"""));
        String anonymous = server.getJson("/api/image-jobs?video_id=yt:harden00001").get("jobs").get(0).get("last_error").asText();
        assertThat(anonymous).startsWith("sdapi: ").doesNotContain("10.9.9.9").doesNotContain("CUDA").doesNotContain("txt2img");
        HttpResponse<String> admin = server.get("/api/image-jobs?video_id=yt:harden00001", "Authorization", "Bearer " + TestServer.ADMIN);
        assertThat(server.json(admin).get("jobs").get(0).get("last_error").asText()).contains("10.9.9.9").contains("CUDA");
    }

    @Test
    void aRangeLargerThan64MiBIsStreamedWhole() throws Exception {
        Path dir = Files.createDirectories(server.dataDir.resolve("audio").resolve("big"));
        long size = 80L * 1024 * 1024;
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("long.wav").toFile(), "rw")) {
            f.setLength(size);
            f.seek(size - 4);
            f.write(new byte[] {1, 2, 3, 4});
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.base + "/exports/audio/big/long.wav"))
                .header("Range", "bytes=1-").build();
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(206);
        long read = 0;
        byte[] last = new byte[4];
        try (InputStream in = r.body()) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; read += n) {
                if (n >= 4) System.arraycopy(buf, n - 4, last, 0, 4);
            }
        }
        assertThat(read).isEqualTo(size - 1);
        assertThat(last).containsExactly(1, 2, 3, 4);
    }

    @Test
    void uploadsNoReportRefersToAreRemovedAfterTheGracePeriod() throws Exception {
        String stale = upload();
        String fresh = upload();
        String claimed = upload();
        server.ingest(server.object().put("video_id", "yt:harden00002").put("thumbnail_url", claimed));
        var files = server.running.services().files();
        Instant dayAgo = Instant.now().minus(Duration.ofHours(25));
        for (String url : new String[] {stale, claimed}) Files.setLastModifiedTime(((dev.ytv2.files.LocalFileStore) files).path(url).orElseThrow(), FileTime.from(dayAgo));
        FileSweeper sweeper = new FileSweeper(server.running.database().jdbi(), files, FileSweeper.uploadFolders(),
                java.util.Optional::empty, Duration.ofHours(24), Clock.systemUTC());
        assertThat(sweeper.sweepOnce()).isEqualTo(1);
        assertThat(files.resolve(stale)).isEmpty();
        assertThat(files.resolve(fresh)).isPresent();
        assertThat(files.resolve(claimed)).isPresent();
        sweeper.close();
    }

    @Test
    void aRenderNamedByAUrlWithAHostIsKeptBySweeps() throws Exception {
        var files = server.running.services().files();
        String named = FileStore.IMAGES_URL + "ai1/hosted-" + System.nanoTime() + ".png";
        String orphan = FileStore.IMAGES_URL + "ai1/orphan-" + System.nanoTime() + ".png";
        for (String url : new String[] {named, orphan}) {
            files.put(url, Multipart.png());
            Files.setLastModifiedTime(((dev.ytv2.files.LocalFileStore) files).path(url).orElseThrow(),
                    FileTime.from(Instant.now().minus(Duration.ofDays(3))));
        }
        // An older writer stored the render's address whole, with the dashboard's host.
        server.running.database().jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO content (id, video_id, title, summary_image_url) VALUES (:id, :id, 'Hosted', :url)""")
                .bind("id", "yt:harden00003").bind("url", "https://dash.example.org" + named + "?v=2").execute());
        FileSweeper sweeper = new FileSweeper(server.running.database().jdbi(), files, List.of(FileStore.IMAGES_URL + "ai1/"),
                java.util.Optional::empty, Duration.ofHours(24), Clock.systemUTC());
        assertThat(sweeper.sweepOnce()).isEqualTo(1);
        assertThat(files.resolve(named)).isPresent();
        assertThat(files.resolve(orphan)).isEmpty();
        sweeper.close();
    }

    static String upload() {
        Multipart m = Multipart.file("image", "a.png", "image/png", Multipart.png());
        HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/upload-image"))
                .header("Content-Type", m.contentType()).POST(m.publisher()), "X-INGEST-TOKEN", TestServer.INGEST);
        assertThat(r.statusCode()).isEqualTo(201);
        return server.json(r).get("public_url").asText();
    }
}
