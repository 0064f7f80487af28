package dev.ytv2.render;

import dev.ytv2.support.DbTest;
import dev.ytv2.support.ServerProcess;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** YTV2_STORAGE=server: a worker that reaches only the database and the server delivers its renders through the upload API. */
@DbTest
class ServerDeliveryTest {
    @Test
    void aWorkerWithoutTheServersDiskDeliversItsRenderThroughUploadImage() throws Exception {
        try (RenderKit kit = new RenderKit(TestServer.start())) {
            TestServer server = kit.server;
            Map<String, String> env = RenderKit.fastEnv("YTV2_IMAGE_BACKENDS", "builtin", "YTV2_STORAGE", "server",
                    "YTV2_SERVER_URL", server.base);
            Path workerData = Files.createTempDirectory("ytv2-delivering-worker-");
            try (ServerProcess worker = ServerProcess.startWorker(server.databaseUrl, workerData, env)) {
                String id = kit.item("yt:delivered001", "Lighthouse keepers", "History");
                var asked = server.post("/api/set-image-prompt", server.object().put("video_id", id).put("mode", "ai1")
                        .put("prompt", "a lighthouse in fog").toString(), "Authorization", "Bearer " + TestServer.ADMIN);
                assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);

                await().atMost(Duration.ofSeconds(90)).until(() -> kit.variants(id).size() == 1);
                String url = kit.variants(id).get(0).path("url").asText();
                assertThat(url).startsWith("/exports/images/uploads/");
                assertThat(kit.column(id, "summary_image_url")).isEqualTo(url);
                HttpResponse<byte[]> image = server.getBytes(url);
                assertThat(image.statusCode()).isEqualTo(200);
                assertThat(image.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
                try (Stream<Path> files = Files.walk(workerData)) {
                    assertThat(files.filter(p -> p.toString().endsWith(".png"))).isEmpty();
                }
            }
        }
    }
}
