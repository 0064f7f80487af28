package dev.ytv2.render;

import dev.ytv2.images.ImageMode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.jobs.Job;
import dev.ytv2.render.backend.ImageBackend;
import dev.ytv2.render.backend.RenderConfig;
import dev.ytv2.render.backend.RenderedImage;
import dev.ytv2.render.builtin.BuiltinRenderer;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Leases, crashes, backoff, failure for good, retry, and several workers on one queue. */
@DbTest
class JobQueueTest {
    RenderKit kit;
    final List<RenderWorker> workers = new ArrayList<>();

    @BeforeEach
    void start() {
        kit = new RenderKit(TestServer.start());
    }

    @AfterEach
    void stop() {
        workers.forEach(RenderWorker::close);
        kit.close();
    }

    RenderWorker worker(String name, ImageBackend backend, String... env) {
        RenderWorker w = kit.worker(name, backend, RenderKit.fastEnv(env));
        workers.add(w);
        return w;
    }

    /** The newest job's state, or "none" while the job is not queued yet. */
    String stateOf(String id) {
        List<Job> jobs = kit.jobs(id);
        return jobs.isEmpty() ? "none" : jobs.get(0).state();
    }

    Job onlyJob(String id) {
        List<Job> jobs = kit.jobs(id);
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    @Test
    void aFailingRenderBacksOffThenFailsForGoodWithItsErrorAndOnlyRetryRendersItAgain() {
        ScriptedBackend backend = new ScriptedBackend();
        backend.failure = "HTTP 500 from POST /sdapi/v1/txt2img: CUDA out of memory";
        worker("w", backend);
        String id = kit.item("yt:fail0000001", "Failing", "Technology");
        kit.setPrompt(id, "ai1", "a circuit board city");

        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf(id).equals("failed"));
        Job failed = onlyJob(id);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isEqualTo("scripted: HTTP 500 from POST /sdapi/v1/txt2img: CUDA out of memory");
        List<RenderKit.Event> started = kit.events(id, "image-job-started");
        List<RenderKit.Event> failures = kit.events(id, "image-job-failed");
        assertThat(started).extracting(e -> e.payload().get("attempt").asInt()).containsExactly(1, 2, 3);
        assertThat(failures).extracting(e -> e.payload().get("final").asBoolean()).containsExactly(false, false, true);
        assertThat(failures.get(0).payload().get("retry_at").asText()).isNotBlank();
        assertThat(failures.get(2).payload().get("retry_at").isNull()).isTrue();
        // The event reaches every reader: it names the backend, not its reply.
        assertThat(failures.get(2).payload().get("error").asText()).isEqualTo("scripted: " + PublicError.REDACTED);
        // Exponential: 0.3 s before the second attempt, 0.6 s before the third.
        assertThat(Duration.between(started.get(0).at(), started.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(Duration.between(started.get(1).at(), started.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        assertThat(kit.analysis(id).has("summary_image_prompt_last_used")).isFalse();

        // The prompt is still pending (set, and not the last one rendered), but the sweep does not start it over.
        PendingSweep sweep = new PendingSweep(kit.jdbi, kit.s.jobs(), kit.s.renderRequests(),
                new JobFailures(kit.s.jobs(), kit.s.events(), RenderConfig.fromEnv(RenderKit.fastEnv())));
        assertThat(sweep.sweep(100)).isZero();
        kit.setPrompt(id, "ai1", "a circuit board city");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> kit.jobs(id).size() == 1);
        assertThat(backend.prompts).hasSize(3);

        backend.failure = null;
        HttpResponse<String> retried = kit.server.adminPost("/api/image-jobs/" + failed.id() + "/retry", "");
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(kit.server.json(retried).get("job").get("state").asText()).isEqualTo("queued");
        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf(id).equals("done"));
        assertThat(kit.variants(id)).hasSize(1);
        assertThat(kit.analysis(id).get("summary_image_prompt_last_used").asText()).isEqualTo("a circuit board city");
        assertThat(kit.server.adminPost("/api/image-jobs/" + failed.id() + "/retry", "").statusCode()).isEqualTo(409);
    }

    @Test
    void aNewPromptAfterAFailureIsPickedUpByTheSweep() {
        ScriptedBackend backend = new ScriptedBackend();
        backend.failure = "down";
        worker("w", backend, "YTV2_RENDER_MAX_ATTEMPTS", "1");
        String id = kit.item("yt:fail0000002", "Failing then fixed", "Technology");
        kit.setPrompt(id, "ai1", "first try");
        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf(id).equals("failed"));
        backend.failure = null;
        kit.setPrompt(id, "ai1", "second try");
        await().atMost(Duration.ofSeconds(20)).until(() -> kit.variants(id).size() == 1);
        assertThat(kit.variants(id).get(0).get("prompt").asText()).isEqualTo("second try");
    }

    @Test
    void aWorkerKilledMidRenderLosesItsLeaseAnotherRendersTheJobAndItYieldsOneVariant() throws Exception {
        String id = kit.item("yt:crash000001", "Crash", "Space");
        Job queued = kit.request(id, "ai1", "a comet over mountains");
        // The "killed" worker: claims with a one-second lease, then never renews or commits.
        JobRunner.Claimed zombie = kit.jdbi.inTransaction(h -> new JobRunner.Claimed(
                kit.s.jobs().claim(h, "killed/1", Duration.ofSeconds(1)).orElseThrow(), "killed/1"));
        assertThat(zombie.job().id()).isEqualTo(queued.id());

        ScriptedBackend backend = new ScriptedBackend();
        worker("survivor", backend);
        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf(id).equals("done"));
        assertThat(kit.variants(id)).hasSize(1);
        assertThat(onlyJob(id).attempts()).isEqualTo(2);
        assertThat(kit.events(id, "image-job-failed").get(0).payload().get("error").asText()).contains("lease killed/1 expired");

        // The killed worker comes back and tries to commit its result: refused, and its file is removed.
        RenderCommit commit = new RenderCommit(kit.jdbi, kit.s.jobs(), kit.s.files(), kit.s.events(), kit.s.images(), kit.s.mapper(), Clock.systemUTC());
        byte[] png = new BuiltinRenderer().renderPng("late", 1, 32, 18);
        assertThat(commit.commit(zombie.job(), zombie.owner(), new RenderedImage(png, "scripted", "m", 1L, 32, 18))).isEmpty();
        assertThat(kit.variants(id)).hasSize(1);
        try (Stream<Path> files = Files.list(((dev.ytv2.files.LocalFileStore) kit.s.files()).imagesDir().resolve("ai1"))) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void twoWorkersShareManyJobsAndRenderEachExactlyOnce() {
        ScriptedBackend a = new ScriptedBackend();
        ScriptedBackend b = new ScriptedBackend();
        a.sleepMillis = 15;
        b.sleepMillis = 15;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) ids.add(kit.item("yt:many" + String.format("%06d", i), "Item " + i, "Music"));
        worker("a", a, "YTV2_RENDER_CONCURRENCY", "2");
        worker("b", b, "YTV2_RENDER_CONCURRENCY", "2");
        kit.jdbi.useHandle(h -> h.execute("""
                UPDATE content SET analysis_json = jsonb_set(analysis_json, '{summary_image_prompt}', to_jsonb('prompt for ' || video_id))
                WHERE video_id LIKE 'yt:many%'"""));
        kit.jdbi.useHandle(h -> h.execute("SELECT pg_notify('ytv2_render', '')"));

        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> kit.variants(id).size() == 1));
        List<String> rendered = new ArrayList<>(a.prompts);
        rendered.addAll(b.prompts);
        assertThat(rendered).hasSize(30).doesNotHaveDuplicates();
        for (String id : ids) {
            Job job = onlyJob(id);
            assertThat(job.state()).isEqualTo("done");
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(kit.variants(id).get(0).get("prompt").asText()).isEqualTo("prompt for " + id);
        }
    }

    @Test
    void aPromptChangedDuringARenderStaysPendingAndRendersNext() {
        ScriptedBackend backend = new ScriptedBackend();
        backend.hold = new CountDownLatch(1);
        worker("w", backend);
        String id = kit.item("yt:change00001", "Changing", "Cooking");
        kit.setPrompt(id, "ai1", "bread on a table");
        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf(id).equals("running"));

        kit.setPrompt(id, "ai1", "bread on a table, overhead shot");
        CountDownLatch first = backend.hold;
        backend.hold = null;
        first.countDown();

        await().atMost(Duration.ofSeconds(20)).until(() -> kit.variants(id).size() == 2);
        List<JsonNode> v = kit.variants(id);
        assertThat(v.get(0).get("prompt").asText()).isEqualTo("bread on a table");
        assertThat(v.get(1).get("prompt").asText()).isEqualTo("bread on a table, overhead shot");
        JsonNode a = kit.analysis(id);
        assertThat(a.get("summary_image_prompt_last_used").asText()).isEqualTo("bread on a table, overhead shot");
        assertThat(a.get("summary_image_prompt_original").asText()).as("set once").isEqualTo("bread on a table");
        assertThat(a.get("summary_image_selected_url").asText()).isEqualTo(v.get(1).get("url").asText());
        assertThat(backend.prompts).containsExactly("bread on a table", "bread on a table, overhead shot");
    }

    @Test
    void anExplicitRequestDuringARenderWaitsForItAndThenRendersInOrder() {
        ScriptedBackend backend = new ScriptedBackend();
        backend.hold = new CountDownLatch(1);
        worker("w1", backend, "YTV2_RENDER_CONCURRENCY", "3");
        String id = kit.item("yt:order000001", "Order", "Finance");
        kit.request(id, "ai2", "coins as planets");
        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf(id).equals("running"));
        kit.request(id, "ai2", "coins as moons");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> backend.prompts.size() == 1);
        CountDownLatch first = backend.hold;
        backend.hold = null;
        first.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> kit.variants(id).size() == 2);
        assertThat(kit.analysis(id).get("summary_image_ai2_url").asText()).isEqualTo(kit.variants(id).get(1).get("url").asText());
        assertThat(kit.analysis(id).get("summary_image_ai2_prompt_last_used").asText()).isEqualTo("coins as moons");
    }

    @Test
    void closingAWorkerMidRenderPutsTheJobBackWithoutSpendingAnAttempt() {
        ScriptedBackend slow = new ScriptedBackend();
        slow.sleepMillis = 60_000;
        RenderWorker w = worker("leaving", slow);
        String id = kit.item("yt:close000001", "Closing", "Gaming");
        kit.setPrompt(id, "ai1", "a castle made of dice");
        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf(id).equals("running"));
        long t0 = System.nanoTime();
        w.close();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        Job back = onlyJob(id);
        assertThat(back.state()).isEqualTo("queued");
        assertThat(back.attempts()).isZero();

        worker("next", new ScriptedBackend());
        await().atMost(Duration.ofSeconds(20)).until(() -> kit.variants(id).size() == 1);
        assertThat(onlyJob(id).attempts()).isEqualTo(1);
    }

    @Test
    void theSweepReadsOnlyThePartialIndexesOfPendingPrompts() {
        for (ImageMode m : ImageMode.values()) {
            String plan = kit.jdbi.inTransaction(h -> {
                h.execute("SET LOCAL enable_seqscan = off");
                return String.join("\n", h.createQuery("EXPLAIN " + PendingSweep.pendingSql(m, false)).bind("limit", 500)
                        .mapTo(String.class).list());
            });
            assertThat(plan).contains("content_" + m.wire() + "_prompt_pending_idx");
        }
        Optional<Job> none = kit.jdbi.inTransaction(h -> kit.s.jobs().claim(h, "idle", Duration.ofSeconds(1)));
        assertThat(none).isEmpty();
    }
}
