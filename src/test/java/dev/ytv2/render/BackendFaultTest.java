package dev.ytv2.render;

import dev.ytv2.jobs.Job;
import dev.ytv2.render.backend.FakeHttp;
import dev.ytv2.render.builtin.BuiltinRenderer;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.ServerProcess;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An AUTOMATIC1111 that hangs, stalls half-way through its answer, answers garbage or answers 500,
 * behind a real `ytv2 worker` process: every attempt ends within the configured timeout, the job
 * backs off and then fails for good with an error that names the backend and the reason, and the
 * same worker process renders the next job as soon as the server answers properly again.
 */
@DbTest
class BackendFaultTest {
    static final byte[] PNG = new BuiltinRenderer().renderPng("fake sdapi", 3, 64, 36);
    static final Duration TIMEOUT = Duration.ofMillis(500);
    static final Duration BACKOFF = Duration.ofSeconds(1);
    static final String CALL = "POST /sdapi/v1/txt2img";
    static final AtomicInteger ITEMS = new AtomicInteger();

    static RenderKit kit;
    static FakeHttp sdapi;
    static ServerProcess worker;
    static volatile FakeHttp.Responder txt2img;

    @BeforeAll
    static void start() throws Exception {
        kit = new RenderKit(TestServer.start());
        sdapi = new FakeHttp()
                .on("GET", "/sdapi/v1/options", r -> FakeHttp.Response.json("{\"sd_model_checkpoint\": \"fake.safetensors\"}"))
                .on("POST", "/sdapi/v1/txt2img", r -> txt2img.answer(r));
        worker = ServerProcess.startWorker(kit.server.databaseUrl, Files.createTempDirectory("ytv2-worker-"), RenderKit.fastEnv(
                "YTV2_IMAGE_BACKENDS", "sdapi", "YTV2_SDAPI_URL", sdapi.url(), "YTV2_IMAGE_TIMEOUT_SECONDS", "0.5",
                "YTV2_RENDER_MAX_ATTEMPTS", "2", "YTV2_RENDER_BACKOFF_SECONDS", "1", "YTV2_RENDER_LEASE_SECONDS", "2"));
    }

    @AfterAll
    static void stop() {
        if (worker != null) worker.kill();
        if (sdapi != null) sdapi.close();
        if (kit != null) kit.close();
    }

    static FakeHttp.Response image(String base64) {
        return FakeHttp.Response.json("{\"images\": [\"" + base64 + "\"], \"info\": \"{\\\"seed\\\": 99}\"}");
    }

    static FakeHttp.Response healthy(FakeHttp.Request r) {
        return image(Base64.getEncoder().encodeToString(PNG));
    }

    static Stream<Arguments> faults() {
        FakeHttp.Responder hangs = r -> {
            Thread.sleep(Long.MAX_VALUE); // until the fake server is closed
            return null;
        };
        FakeHttp.Responder stalls = r -> FakeHttp.Response.stalled(200, "application/json",
                "{\"images\": [\"iVBORw0KGgo".getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of("hangs", hangs, "sdapi: no answer to " + CALL + " within 0.5 s"),
                Arguments.of("stalls after the headers", stalls,
                        "sdapi: the answer to " + CALL + " stopped arriving; not complete within 0.5 s"),
                Arguments.of("500 with A1111's error", (FakeHttp.Responder) r -> FakeHttp.Response.json(500,
                                "{\"error\": \"OutOfMemoryError\", \"detail\": \"\", \"errors\": \"CUDA out of memory. Tried to allocate 2.00 GiB\"}"),
                        "sdapi: HTTP 500 from " + CALL + ": OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB"),
                Arguments.of("502 from a proxy, plain text", (FakeHttp.Responder) r -> new FakeHttp.Response(502, "text/plain",
                                "Bad Gateway".getBytes(StandardCharsets.UTF_8)),
                        "sdapi: HTTP 502 from " + CALL + ": Bad Gateway"),
                Arguments.of("200 with an HTML page", (FakeHttp.Responder) r -> new FakeHttp.Response(200, "text/html",
                                "<html><body>Loading model...</body></html>".getBytes(StandardCharsets.UTF_8)),
                        "sdapi: the answer from /sdapi/v1/txt2img is not JSON"),
                Arguments.of("200 with an image that is not base64", (FakeHttp.Responder) r -> image("%%% not base64 %%%"),
                        "sdapi: the image is not valid base64"),
                Arguments.of("200 with base64 that is not an image", (FakeHttp.Responder) r -> image(
                                Base64.getEncoder().encodeToString("Traceback (most recent call last): ...".getBytes(StandardCharsets.UTF_8))),
                        "sdapi: the answer is not a PNG, JPEG, WebP or GIF image"),
                Arguments.of("200 with a PNG declaring 100000x100000", (FakeHttp.Responder) r -> image(
                                Base64.getEncoder().encodeToString(dev.ytv2.support.HostileImages.pngDeclaring(100_000, 100_000))),
                        "sdapi: the image is 100000x100000 pixels; at most 8192 a side"),
                Arguments.of("200 with JPEG magic and junk", (FakeHttp.Responder) r -> image(Base64.getEncoder().encodeToString(
                                dev.ytv2.support.HostileImages.magicThenJunk(dev.ytv2.support.HostileImages.real("jpg", 4, 4), 4))),
                        "sdapi: the image cannot be decoded"));
    }

    String newItem() {
        String id = String.format("yt:fault%06d", ITEMS.incrementAndGet());
        return kit.item(id, "Fault " + id, "Technology");
    }

    Job onlyJob(String id) {
        List<Job> jobs = kit.jobs(id);
        assertThat(jobs).hasSize(1);
        return jobs.get(0);
    }

    @ParameterizedTest(name = "a backend that {0}")
    @MethodSource("faults")
    void aFaultyBackendFailsTheJobWithinItsTimeoutWithItsReasonAfterABackoffAndTheWorkerRendersTheNextJob(
            String fault, FakeHttp.Responder answer, String error) {
        txt2img = answer;
        int before = sdapi.requests("/sdapi/v1/txt2img").size();
        String id = newItem();
        Job job = kit.request(id, "ai1", "a server room, " + fault);

        // Back in the queue after the first attempt, due after the backoff.
        Job waiting = await().pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(20))
                .until(() -> onlyJob(id), j -> j.state().equals("queued") && j.attempts() == 1);
        assertThat(waiting.lastError()).isEqualTo(error);
        assertThat(Duration.between(waiting.updatedAt(), waiting.runAfter())).as("due a backoff after it failed").isEqualTo(BACKOFF);

        await().atMost(Duration.ofSeconds(20)).until(() -> onlyJob(id).state().equals("failed"));
        Job failed = onlyJob(id);
        assertThat(failed.id()).isEqualTo(job.id());
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(failed.lastError()).isEqualTo(error);
        assertThat(sdapi.requests("/sdapi/v1/txt2img").size() - before).as("one call per attempt").isEqualTo(2);
        assertThat(kit.variants(id)).isEmpty();
        assertThat(kit.analysis(id).has("summary_image_prompt_last_used")).isFalse();

        List<RenderKit.Event> started = kit.events(id, "image-job-started");
        List<RenderKit.Event> failures = kit.events(id, "image-job-failed");
        assertThat(started).extracting(e -> e.payload().get("attempt").asInt()).containsExactly(1, 2);
        assertThat(failures).extracting(e -> e.payload().get("final").asBoolean()).containsExactly(false, true);
        // The event reaches every reader: it names the backend, not its reply (the job keeps that for the admin).
        assertThat(failures).allMatch(e -> e.payload().get("error").asText().equals("sdapi: " + PublicError.REDACTED));
        Instant retryAt = Instant.parse(failures.get(0).payload().get("retry_at").asText());
        assertThat(Duration.between(failures.get(0).at().toInstant(), retryAt)).isEqualTo(BACKOFF);
        assertThat(started.get(1).at().toInstant()).isAfterOrEqualTo(retryAt);
        for (int i = 0; i < 2; i++) {
            Duration attempt = Duration.between(started.get(i).at(), failures.get(i).at());
            assertThat(attempt).as("attempt %d took %s", i + 1, attempt).isLessThan(TIMEOUT.plusSeconds(3));
            System.out.printf("BackendFaultTest: a backend that %s: attempt %d failed after %d ms%n", fault, i + 1, attempt.toMillis());
        }

        // The same worker process renders the next job once the server answers properly.
        txt2img = BackendFaultTest::healthy;
        String next = newItem();
        kit.request(next, "ai1", "a server room, working again");
        await().atMost(Duration.ofSeconds(20)).until(() -> kit.variants(next).size() == 1);
        assertThat(kit.variants(next).get(0).get("backend").asText()).isEqualTo("sdapi");
        assertThat(onlyJob(next).state()).isEqualTo("done");
        assertThat(onlyJob(next).attempts()).isEqualTo(1);
        assertThat(worker.isAlive()).isTrue();
    }
}
