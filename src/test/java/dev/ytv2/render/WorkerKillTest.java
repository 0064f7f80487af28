package dev.ytv2.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.jobs.Job;
import dev.ytv2.render.backend.BackendException;
import dev.ytv2.render.backend.FakeHttp;
import dev.ytv2.render.backend.RenderedImage;
import dev.ytv2.render.builtin.BuiltinRenderer;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.ServerProcess;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker killed mid-render loses no job and duplicates no variant (docs/RELIABILITY.md), with real `ytv2 worker`
 * processes sharing one PostgreSQL and a fake AUTOMATIC1111 of the test's that holds the first
 * txt2img request open, so the render is provably in progress when the worker dies.
 */
@DbTest
class WorkerKillTest {
    static final byte[] PNG = new BuiltinRenderer().renderPng("fake sdapi", 7, 64, 36);
    static final String PROMPT = "a lighthouse keeper's lamp seen from the sea";

    RenderKit kit;
    FakeHttp sdapi;
    Path workerData;
    final List<ServerProcess> workers = new ArrayList<>();
    final AtomicInteger txt2img = new AtomicInteger();
    final CountDownLatch firstArrived = new CountDownLatch(1);
    final CountDownLatch releaseFirst = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        kit = new RenderKit(TestServer.start());
        workerData = Files.createTempDirectory("ytv2-workers-");
        sdapi = new FakeHttp()
                .on("GET", "/sdapi/v1/options", r -> FakeHttp.Response.json("{\"sd_model_checkpoint\": \"fake.safetensors\"}"))
                .on("POST", "/sdapi/v1/txt2img", r -> {
                    if (txt2img.incrementAndGet() == 1) {
                        firstArrived.countDown();
                        releaseFirst.await(60, TimeUnit.SECONDS);
                    }
                    return FakeHttp.Response.json("{\"images\": [\"" + Base64.getEncoder().encodeToString(PNG)
                            + "\"], \"info\": \"{\\\"seed\\\": 4242, \\\"sd_model_name\\\": \\\"fake_xl\\\"}\"}");
                });
    }

    @AfterEach
    void stop() {
        releaseFirst.countDown();
        workers.forEach(ServerProcess::kill); // the test is over: no need to wait for a clean stop
        sdapi.close();
        kit.close();
    }

    ServerProcess worker() {
        ServerProcess w = ServerProcess.startWorker(kit.server.databaseUrl, workerData, RenderKit.fastEnv(
                "YTV2_IMAGE_BACKENDS", "sdapi", "YTV2_SDAPI_URL", sdapi.url(), "YTV2_RENDER_LEASE_SECONDS", "2",
                "YTV2_IMAGE_TIMEOUT_SECONDS", "60"));
        workers.add(w);
        return w;
    }

    Job onlyJob(String id) {
        List<Job> jobs = kit.jobs(id);
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    OffsetDateTime leaseUntil(long jobId) {
        return kit.jdbi.withHandle(h -> h.createQuery("SELECT lease_until FROM image_jobs WHERE id = :id")
                .bind("id", jobId).mapTo(OffsetDateTime.class).one());
    }

    /** The first worker has the job, its request is held by the fake, and it keeps its lease alive. */
    Job renderInProgress(String id) {
        await().atMost(Duration.ofSeconds(60)).until(() -> firstArrived.getCount() == 0);
        Job running = onlyJob(id);
        assertThat(running.state()).isEqualTo("running");
        assertThat(running.attempts()).isEqualTo(1);
        assertThat(running.leaseOwner()).startsWith("render-1/");
        OffsetDateTime first = leaseUntil(running.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> leaseUntil(running.id()).isAfter(first));
        return running;
    }

    List<Path> storedImages() {
        Path dir = workerData.resolve("images").resolve("ai1");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exactly one variant, by the job, of the prompt, selected, and one file behind it. */
    void assertRenderedOnce(String id, Job job) {
        List<JsonNode> variants = kit.variants(id);
        assertThat(variants).hasSize(1);
        JsonNode v = variants.get(0);
        assertThat(v.get("prompt").asText()).isEqualTo(PROMPT);
        assertThat(v.get("job_id").asLong()).isEqualTo(job.id());
        assertThat(v.get("backend").asText()).isEqualTo("sdapi");
        assertThat(v.get("model").asText()).isEqualTo("fake_xl");
        assertThat(v.get("seed").asLong()).isEqualTo(4242);
        JsonNode a = kit.analysis(id);
        assertThat(a.get("summary_image_prompt_last_used").asText()).isEqualTo(PROMPT);
        assertThat(a.get("summary_image_selected_url").asText()).isEqualTo(v.get("url").asText());
        assertThat(kit.events(id, "image-variant-added")).hasSize(1);
        assertThat(storedImages()).extracting(p -> "/exports/images/ai1/" + p.getFileName()).containsExactly(v.get("url").asText());

        Job done = onlyJob(id);
        assertThat(done.state()).isEqualTo("done");
        assertThat(done.attempts()).as("the killed attempt and the one that rendered").isEqualTo(2);
        assertThat(kit.events(id, "image-job-started")).extracting(e -> e.payload().get("attempt").asInt()).containsExactly(1, 2);
        List<RenderKit.Event> failed = kit.events(id, "image-job-failed");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).payload().get("final").asBoolean()).isFalse();
        assertThat(failed.get(0).payload().get("error").asText())
                .isEqualTo("the worker rendering it stopped answering (lease " + job.leaseOwner() + " expired)");
        assertThat(sdapi.requests("/sdapi/v1/txt2img")).hasSize(2)
                .allMatch(r -> r.json().get("prompt").asText().equals(PROMPT));
    }

    @Test
    void aWorkerKilledWithSigkillMidRenderLosesNoJobAndTheNextWorkerRendersItOnce() {
        worker();
        String id = kit.item("yt:kill00000001", "Lighthouse keepers", "History");
        kit.request(id, "ai1", PROMPT);
        Job running = renderInProgress(id);

        long t0 = System.nanoTime();
        workers.get(0).kill();
        assertThat(workers.get(0).exitValue()).as("128 + SIGKILL (9): no shutdown hook ran").isEqualTo(137);
        assertThat(onlyJob(id).state()).as("nobody put the job back").isEqualTo("running");

        worker();
        long ready = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).until(() -> onlyJob(id).state().equals("done"));
        long done = System.nanoTime();
        System.out.printf("WorkerKillTest: kill -> second worker ready %d ms, -> job done %d ms (lease 2 s)%n",
                (ready - t0) / 1_000_000, (done - t0) / 1_000_000);
        assertRenderedOnce(id, running);

        // The killed worker's result, had it lived to send it: refused under the lost lease, its file removed.
        releaseFirst.countDown();
        RenderCommit late = new RenderCommit(kit.jdbi, kit.s.jobs(), kit.s.files(), kit.s.events(), kit.s.images(), kit.s.mapper(), Clock.systemUTC());
        try {
            assertThat(late.commit(running, running.leaseOwner(), new RenderedImage(PNG, "sdapi", "fake_xl", 1L, 64, 36))).isEmpty();
        } catch (BackendException e) {
            throw new AssertionError(e);
        }
        assertThat(((dev.ytv2.files.LocalFileStore) kit.s.files()).imagesDir().resolve("ai1")).isEmptyDirectory();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> kit.variants(id).size() == 1);
        assertRenderedOnce(id, running);
    }

    @Test
    void aWorkerFrozenPastItsLeaseComesBackWithItsAnswerAndTheAnswerIsDropped() {
        ServerProcess first = worker();
        String id = kit.item("yt:kill00000002", "Lighthouse lenses", "Science");
        kit.request(id, "ai1", PROMPT);
        Job running = renderInProgress(id);
        worker(); // idle: the only job is taken

        long t0 = System.nanoTime();
        first.freeze();
        await().atMost(Duration.ofSeconds(30)).until(() -> onlyJob(id).state().equals("done"));
        System.out.printf("WorkerKillTest: freeze -> job done by the other worker %d ms (lease 2 s)%n",
                (System.nanoTime() - t0) / 1_000_000);

        // The frozen worker wakes up and the fake gives it its answer after all.
        first.thaw();
        releaseFirst.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> first.output().contains("finished after its lease moved on; result dropped"));
        await().atMost(Duration.ofSeconds(5)).until(() -> storedImages().size() == 1);
        assertThat(first.isAlive()).isTrue();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> kit.variants(id).size() == 1);
        assertRenderedOnce(id, running);
    }
}
