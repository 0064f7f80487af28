package dev.ytv2.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.jobs.Job;
import dev.ytv2.render.backend.BackendException;
import dev.ytv2.render.backend.RenderedImage;
import dev.ytv2.render.builtin.BuiltinRenderer;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.S3ProxyServer;
import dev.ytv2.support.ServerProcess;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Workers anywhere: with one PostgreSQL and one bucket, a render asked for on one server is drawn
 * by a worker on another machine (here: another process with its own data directory) and served
 * by a third process; a render whose commit fails leaves no object behind.
 */
@DbTest
class S3RenderTest {
    @RegisterExtension
    static final S3ProxyServer S3 = new S3ProxyServer();

    static final String PROMPT = "a lighthouse in fog, watercolor";

    @Test
    void aPromptSetThroughServerAIsRenderedByAWorkerElsewhereAndServedByServerB() throws Exception {
        String bucket = S3.newBucket();
        Map<String, String> s3 = new HashMap<>();
        S3.configure(s3, bucket, "shared");
        try (TestServer a = TestServer.start(env -> env.putAll(s3));
             RenderKit kit = new RenderKit(a)) {
            Map<String, String> workerEnv = RenderKit.fastEnv("YTV2_IMAGE_BACKENDS", "builtin");
            workerEnv.putAll(s3);
            Path workerData = Files.createTempDirectory("ytv2-s3-worker-");
            Path bData = Files.createTempDirectory("ytv2-s3-serverB-");
            try (ServerProcess worker = ServerProcess.startWorker(a.databaseUrl, workerData, workerEnv);
                 ServerProcess b = ServerProcess.start(a.databaseUrl, ServerProcess.freePort(), bData, s3)) {
                String id = kit.item("yt:s3render0001", "Lighthouse keepers", "History");
                var asked = a.post("/api/set-image-prompt", a.object().put("video_id", id).put("mode", "ai2").put("prompt", PROMPT).toString(),
                        "Authorization", "Bearer " + TestServer.ADMIN);
                assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);

                await().atMost(Duration.ofSeconds(90)).until(() -> kit.variants(id).size() == 1);
                JsonNode variant = kit.variants(id).get(0);
                String url = variant.path("url").asText();
                assertThat(url).startsWith("/exports/images/ai2/").doesNotContain(bucket).doesNotContain("?");
                assertThat(kit.analysis(id).path("summary_image_ai2_url").asText()).isEqualTo(url);
                assertThat(S3.keys(bucket, "shared/images/ai2/")).containsExactly("shared/" + url.substring("/exports/".length()));

                HttpResponse<byte[]> fromB = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(b.base + url)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(fromB.statusCode()).isEqualTo(200);
                assertThat(fromB.headers().firstValue("Content-Type")).hasValue("image/png");
                assertThat(fromB.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
                assertThat(a.getBytes(url).body()).isEqualTo(fromB.body());
                // Neither the worker nor server B kept a copy on its own disk.
                for (Path dir : new Path[] {workerData, bData}) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        assertThat(files.filter(p -> p.toString().endsWith(".png"))).as(dir.toString()).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void aRenderWhoseCommitIsRefusedLeavesNoObjectInTheBucket() throws BackendException {
        String bucket = S3.newBucket();
        try (RenderKit kit = new RenderKit(TestServer.start(env -> S3.configure(env, bucket, "lib")))) {
            String id = kit.item("yt:s3render0002", "Lighthouse lenses", "Science");
            Job queued = kit.request(id, "ai1", PROMPT);
            byte[] png = new BuiltinRenderer().renderPng("a lighthouse", 3, 64, 36);
            RenderCommit commit = new RenderCommit(kit.jdbi, kit.s.jobs(), kit.s.files(), kit.s.events(), kit.s.images(), kit.s.mapper(), Clock.systemUTC());

            // A worker whose lease is not (or no longer) the job's: its result is dropped, object and all.
            assertThat(commit.commit(queued, "a-worker-without-the-lease", new RenderedImage(png, "builtin", "m", 1L, 64, 36))).isEmpty();
            assertThat(S3.keys(bucket, "lib/")).isEmpty();
            assertThat(kit.variants(id)).isEmpty();

            // A report deleted during the render: the same.
            kit.server.delete("/api/reports/" + id, "Authorization", "Bearer " + TestServer.ADMIN);
            assertThat(commit.commit(queued, queued.leaseOwner(), new RenderedImage(png, "builtin", "m", 1L, 64, 36))).isEmpty();
            assertThat(S3.keys(bucket, "lib/")).isEmpty();
        }
    }
}
