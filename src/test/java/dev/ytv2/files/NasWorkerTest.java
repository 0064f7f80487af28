package dev.ytv2.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.app.Config;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.Multipart;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that behaves as YTV2's NAS worker does: it probes the dashboard, uploads audio and an
 * image with its sync secret, ingests a report pointing at them, and checks them back with HEAD
 * and GET, by URL and by video id. Nothing about the worker changes.
 */
@DbTest
class NasWorkerTest {
    static final String SYNC_SECRET = "nas-sync-secret";
    static TestServer server;
    static final NasClient nas = new NasClient();

    @BeforeAll
    static void start() {
        server = TestServer.start(env -> {
            env.put("SYNC_SECRET", SYNC_SECRET);
            env.put("DEPLOY_COMMIT", "f209f86");
        });
        nas.base = server.base;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The worker's HTTP calls, as it makes them (requests-style: headers and bodies, nothing of ours). */
    static final class NasClient {
        final HttpClient http = HttpClient.newHttpClient();
        final ObjectMapper mapper = new ObjectMapper();
        String base;

        HttpResponse<byte[]> call(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
            for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<byte[]> upload(String path, String field, String filename, byte[] data, String... auth) {
            Multipart m = Multipart.file(field, filename, "application/octet-stream", data);
            String[] headers = new String[auth.length + 2];
            headers[0] = "Content-Type";
            headers[1] = m.contentType();
            System.arraycopy(auth, 0, headers, 2, auth.length);
            return call("POST", path, m.publisher(), headers);
        }

        JsonNode json(HttpResponse<byte[]> r) {
            try {
                return mapper.readTree(r.body());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        HttpResponse<byte[]> get(String path) {
            return call("GET", path, HttpRequest.BodyPublishers.noBody());
        }

        HttpResponse<byte[]> head(String path) {
            return call("HEAD", path, HttpRequest.BodyPublishers.noBody());
        }
    }

    static byte[] mp3(int seed) {
        byte[] b = new byte[2048];
        b[0] = 'I';
        b[1] = 'D';
        b[2] = '3';
        b[3] = 4;
        for (int i = 10; i < b.length; i++) b[i] = (byte) (i * seed);
        b[10] = (byte) 0xFF;
        b[11] = (byte) 0xFB;
        return b;
    }

    @Test
    void theProbesAnswerInTheShapesTheWorkerReads() {
        JsonNode health = nas.json(nas.get("/health/ingest"));
        assertThat(health.path("status").asText()).isEqualTo("ok");
        assertThat(health.path("auth_required").asBoolean()).isTrue();
        assertThat(health.path("token_set").asBoolean()).isTrue();
        assertThat(health.path("pg_dsn_set").asBoolean()).isTrue();
        assertThat(health.path("timestamp").asText()).isNotBlank();
        JsonNode version = nas.json(nas.get("/api/version"));
        assertThat(version.path("commit").asText()).isEqualTo("f209f86");
        assertThat(version.has("version")).isTrue();
        assertThat(version.has("branch")).isTrue();
    }

    @Test
    void uploadsIngestAndChecksBackAudioAndAnImage() {
        byte[] audio = mp3(3);
        HttpResponse<byte[]> up = nas.upload("/api/upload-audio", "audio", "audio_nasVideo001_20250101_120000.mp3", audio,
                "Authorization", "Bearer " + SYNC_SECRET);
        assertThat(up.statusCode()).as(new String(up.body())).isEqualTo(200);
        JsonNode a = nas.json(up);
        assertThat(a.path("success").asBoolean()).isTrue();
        assertThat(a.path("message").asText()).isNotBlank();
        assertThat(a.path("size").asInt()).isEqualTo(audio.length);
        String filename = a.path("filename").asText();
        assertThat(filename).startsWith("audio_nasVideo001_").endsWith(".mp3").isNotEqualTo("audio_nasVideo001_20250101_120000.mp3");
        assertThat(a.path("public_url").asText()).isEqualTo("/exports/audio/" + filename);
        assertThat(a.path("relative_path").asText()).isEqualTo("exports/audio/" + filename);

        HttpResponse<byte[]> img = nas.upload("/api/upload-image", "image", "summary_nasVideo001.png", Multipart.png(),
                "Authorization", "Bearer " + SYNC_SECRET);
        assertThat(img.statusCode()).isBetween(200, 201);
        String imageUrl = nas.json(img).path("public_url").asText();
        assertThat(imageUrl).startsWith("/exports/images/");

        String report = """
                {"video_id": "yt:nasVideo001", "title": "From the NAS", "channel_name": "NAS",
                 "media": {"has_audio": true, "audio_url": "%s"}, "media_metadata": {"mp3_duration_seconds": 12},
                 "analysis_json": {"category": ["Technology"], "summary_image_selected_url": "%s"},
                 "summary_variants": [{"variant": "audio", "text": "Narrated."}]}""".formatted(a.path("public_url").asText(), imageUrl);
        HttpResponse<byte[]> ingest = nas.call("POST", "/ingest/report", HttpRequest.BodyPublishers.ofString(report),
                "X-INGEST-TOKEN", TestServer.INGEST, "Content-Type", "application/json");
        assertThat(ingest.statusCode()).isEqualTo(201);

        HttpResponse<byte[]> head = nas.head(a.path("public_url").asText());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(audio.length));
        assertThat(head.headers().firstValue("Content-Type").orElse("")).startsWith("audio/mpeg");
        assertThat(head.body()).isEmpty();
        assertThat(nas.get(a.path("public_url").asText()).body()).isEqualTo(audio);
        assertThat(nas.head(imageUrl).statusCode()).isEqualTo(200);
        assertThat(nas.head(imageUrl).headers().firstValue("Content-Type")).hasValue("image/png");

        for (String path : new String[] {"/exports/by_video/yt:nasVideo001.mp3", "/exports/by_video/nasVideo001.mp3",
                "/exports/by_video/nasVideo001"}) {
            HttpResponse<byte[]> byVideo = nas.get(path);
            assertThat(byVideo.statusCode()).as(path).isEqualTo(200);
            assertThat(byVideo.headers().firstValue("Content-Type").orElse("")).startsWith("audio/mpeg");
            assertThat(byVideo.body()).isEqualTo(audio);
            HttpResponse<byte[]> byVideoHead = nas.head(path);
            assertThat(byVideoHead.statusCode()).isEqualTo(200);
            assertThat(byVideoHead.headers().firstValue("Content-Length")).hasValue(String.valueOf(audio.length));
        }

        JsonNode detail = server.getJson("/api/reports/yt:nasVideo001");
        assertThat(detail.path("media").path("audio_url").asText()).isEqualTo(a.path("public_url").asText());
        assertThat(detail.path("summary_image_url").asText()).as("the card shows the A1 image").isEqualTo(imageUrl);
    }

    @Test
    void byVideoServesTheNewestUploadAndNothingForUnknownItems() throws Exception {
        byte[] first = mp3(5);
        byte[] second = mp3(7);
        nas.upload("/api/upload-audio", "audio", "audio_nasVideo002_1.mp3", first, "X-INGEST-TOKEN", TestServer.INGEST);
        String secondName = nas.json(nas.upload("/api/upload-audio", "audio", "audio_nasVideo002_2.mp3", second,
                "Authorization", "Bearer " + SYNC_SECRET)).path("filename").asText();
        // Make the second one the newer on disk whatever the clock's resolution.
        Path file = server.dataDir.resolve("audio").resolve(secondName);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        assertThat(nas.get("/exports/by_video/nasVideo002.mp3").body()).isEqualTo(second);
        assertThat(nas.get("/exports/by_video/nobodyHere01.mp3").statusCode()).isEqualTo(404);
        assertThat(nas.head("/exports/by_video/nobodyHere01.mp3").statusCode()).isEqualTo(404);
        assertThat(nas.head("/exports/audio/audio_nothing_20250101000000_00000000.mp3").statusCode()).isEqualTo(404);
    }

    @Test
    void uploadsRefuseBadCallsAndNeverUseTheClientsPath() throws Exception {
        assertThat(nas.upload("/api/upload-audio", "audio", "audio_x_1.mp3", mp3(1)).statusCode()).isEqualTo(401);
        assertThat(nas.upload("/api/upload-audio", "audio", "audio_x_1.mp3", mp3(1), "Authorization", "Bearer wrong").statusCode())
                .isEqualTo(401);
        assertThat(nas.upload("/api/upload-audio", "audio", "audio_x_1.mp3", "not audio at all, just text".getBytes(),
                "Authorization", "Bearer " + SYNC_SECRET).statusCode()).isEqualTo(415);
        assertThat(nas.upload("/api/upload-audio", "file", "audio_x_1.mp3", mp3(1), "Authorization", "Bearer " + SYNC_SECRET)
                .statusCode()).isEqualTo(400);

        HttpResponse<byte[]> sneaky = nas.upload("/api/upload-audio", "audio", "../../../../tmp/audio_evil_1.mp3", mp3(2),
                "Authorization", "Bearer " + SYNC_SECRET);
        assertThat(sneaky.statusCode()).isEqualTo(200);
        String name = nas.json(sneaky).path("filename").asText();
        assertThat(name).matches("audio_evil_[0-9]{14}_[0-9a-f]{8}\\.mp3");
        assertThat(server.dataDir.resolve("audio").resolve(name)).exists();
        try (var stray = Files.list(server.dataDir)) {
            assertThat(stray.map(p -> p.getFileName().toString())).doesNotContain("tmp", "audio_evil_1.mp3");
        }
        assertThat(Arrays.asList(server.dataDir.resolve("audio").toFile().list())).doesNotContain("audio_evil_1.mp3");
    }

    @Test
    void theSettingsAnExistingDeploymentHasWorkUnchanged() {
        Config c = Config.fromEnv(Map.of("DATABASE_URL_POSTGRES_NEW", "postgres://u:p@db:5432/ytv2",
                "DATABASE_URL", "postgres://other/db", "WEB_PORT", "6452", "SYNC_SECRET", "s", "BACKEND_API_URL", "http://nas:6453"));
        assertThat(c.databaseUrl()).hasValue("postgres://u:p@db:5432/ytv2");
        assertThat(c.port()).isEqualTo(6452);
        assertThat(c.upstream().syncSecret()).hasValue("s");
        assertThat(c.upstream().backendApiUrl()).hasValue("http://nas:6453");
        assertThat(Config.fromEnv(Map.of("DATABASE_URL", "postgres://other/db", "PORT", "8080", "WEB_PORT", "6452")))
                .satisfies(d -> {
                    assertThat(d.databaseUrl()).hasValue("postgres://other/db");
                    assertThat(d.port()).isEqualTo(8080);
                });
    }
}
