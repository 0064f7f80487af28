package dev.ytv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.ServerProcess;
import dev.ytv2.support.TestDatabase;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The commands as a user runs them: real processes, their output and exit codes. */
@DbTest
class CommandLineTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    JsonNode get(ServerProcess server, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void importWhileTheServerHoldsTheEmbeddedDatabaseSaysWhatToDoInOneLineAndExitsTwo() throws Exception {
        Path data = dir.resolve("data");
        Path report = Files.writeString(dir.resolve("one.json"), """
                {"video_id": "yt:imp00000001", "title": "Imported while running"}""");
        Duration within = Duration.ofSeconds(90);
        try (ServerProcess server = ServerProcess.startServe(List.of("--no-worker"), null, ServerProcess.freePort(), data, Map.of())) {
            ServerProcess.Finished refused = ServerProcess.run(List.of("import", report.toString()), null, data, Map.of(), within);
            assertThat(refused.exitCode()).isEqualTo(2);
            List<String> lines = refused.output().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).startsWith("ytv2 import: the embedded database in " + data.resolve("postgres"))
                    .contains("in use by another ytv2 process").contains("stop the server")
                    .contains("POST /ingest/report").contains("DATABASE_URL");
            assertThat(refused.output()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(get(server, "/api/reports").path("pagination").path("total").asInt()).isZero();
        }
        // The advice works: with the server stopped, the same import goes through.
        ServerProcess.Finished done = ServerProcess.run(List.of("import", report.toString()), null, data, Map.of(), within);
        assertThat(done.exitCode()).as(done.output()).isZero();
        assertThat(done.output()).contains("imported 1 reports (1 new, 0 updated), 0 failed");
    }

    @Test
    void theDemoPrintsItsAddressAsSoonAsItListensThenSeedingProgressAndAnExplicitAutoImagesOffWinsOverDemo() throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.startServe(List.of("--demo"), TestDatabase.newDatabase(), port, dir,
                Map.of("YTV2_AUTO_IMAGES", "0"))) {
            // It answers, and has said where, while the demo is still being seeded.
            String early = server.output();
            assertThat(early).contains("server:   http://localhost:" + port + "/").doesNotContain("demo:     seeded");
            server.awaitLine("demo:     seeded 300 reports", Duration.ofSeconds(120));
            String out = server.output();
            assertThat(out.indexOf("server:   http://localhost:" + port + "/")).isLessThan(out.indexOf("demo:     writing 300 demo reports"));
            assertThat(out).contains("demo:     150/300 reports in the library");
            assertThat(out).contains("worker:   rendering with builtin\n");

            JsonNode page = get(server, "/api/reports?size=100");
            assertThat(page.path("pagination").path("total").asInt()).isEqualTo(300);
            for (JsonNode r : page.path("reports")) {
                assertThat(r.path("analysis").path("summary_image_prompt").isNull()).as(r.path("id").asText()).isTrue();
                assertThat(get(server, "/api/image-jobs?video_id=" + r.path("id").asText()).path("jobs")).isEmpty();
            }
        }
    }

    @Test
    void theDemosOwnImagesRenderWithBuiltinWhileWhatAPersonAsksForGoesToTheConfiguredBackend() throws Exception {
        try (ServerProcess server = ServerProcess.startServe(List.of("--demo"), TestDatabase.newDatabase(), ServerProcess.freePort(), dir,
                Map.of("YTV2_IMAGE_BACKENDS", "sdapi", "YTV2_SDAPI_URL", "http://127.0.0.1:9", "YTV2_RENDER_BACKOFF_SECONDS", "0.2",
                        "YTV2_RENDER_MAX_ATTEMPTS", "1"))) {
            // The first reports are in while the rest are still being seeded.
            await().atMost(Duration.ofSeconds(60)).until(() -> get(server, "/api/reports?size=1").path("pagination").path("total").asInt() > 0);
            String id = get(server, "/api/reports?size=1&sort=added_asc").path("reports").get(0).path("id").asText();

            await().atMost(Duration.ofSeconds(60)).until(() -> get(server, "/api/reports/" + id).path("analysis")
                    .path("summary_image_variants").size() > 0);
            JsonNode variant = get(server, "/api/reports/" + id).path("analysis").path("summary_image_variants").get(0);
            assertThat(variant.path("backend").asText()).isEqualTo("builtin");

            HttpResponse<String> asked = http.send(HttpRequest.newBuilder(URI.create(server.base + "/api/set-image-prompt"))
                    .header("Authorization", "Bearer " + TestServer.ADMIN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("video_id", id).put("mode", "ai2")
                            .put("prompt", "a lighthouse in fog at dawn, watercolor").toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> get(server, "/api/image-jobs?video_id=" + id).path("jobs").get(0)
                    .path("state").asText().equals("failed"));
            JsonNode mine = get(server, "/api/image-jobs?video_id=" + id).path("jobs").get(0);
            assertThat(mine.path("prompt").asText()).isEqualTo("a lighthouse in fog at dawn, watercolor");
            assertThat(mine.path("priority").asText()).isEqualTo("person");
            assertThat(mine.path("last_error").asText()).startsWith("sdapi");
        }
    }
}
