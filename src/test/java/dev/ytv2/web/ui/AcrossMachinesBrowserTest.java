package dev.ytv2.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.app.Wiring;
import dev.ytv2.files.FileSweeper;
import dev.ytv2.render.RenderKit;
import dev.ytv2.support.BrowserTest;
import dev.ytv2.support.S3ProxyServer;
import dev.ytv2.support.ServerProcess;
import dev.ytv2.support.TestServer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's "Several machines" set-up, run: one PostgreSQL, one bucket, two `serve` processes
 * (A in this JVM, B in its own) and two `worker` processes, each with a data directory of its own
 * as on another host. A prompt set through A is rendered by one worker, and a browser on B's
 * dashboard sees the card change live; a worker killed between storing its object and committing
 * leaves nothing a user sees, the job is rendered once by the other, and the sweep removes the orphan.
 */
@BrowserTest
class AcrossMachinesBrowserTest {
    @RegisterExtension
    static final S3ProxyServer S3 = new S3ProxyServer();
    static final String PREFIX = "library";

    static String bucket;
    static final Map<String, String> S3_ENV = new HashMap<>();
    static TestServer a;
    static ServerProcess b;
    static Path bData;
    static Jdbi jdbi;
    final List<ServerProcess> workers = new ArrayList<>();
    final List<Path> workerDirs = new ArrayList<>();
    java.util.Set<String> earlier = java.util.Set.of();
    Browser browser;

    @BeforeAll
    static void startServers() throws IOException {
        bucket = S3.newBucket();
        S3.configure(S3_ENV, bucket, PREFIX);
        a = TestServer.start(env -> env.putAll(S3_ENV));
        jdbi = a.running.database().jdbi();
        bData = Files.createTempDirectory("ytv2-serverB-");
        b = ServerProcess.start(a.databaseUrl, ServerProcess.freePort(), bData, S3_ENV);
    }

    @AfterAll
    static void stopServers() {
        if (b != null) b.close();
        if (a != null) a.close();
    }

    @BeforeEach
    void openBrowserOnB() {
        earlier = java.util.Set.copyOf(objects());
        browser = Browser.open(b.base);
    }

    @AfterEach
    void stopWorkersAndBrowser() {
        workers.forEach(ServerProcess::kill); // the test is over: no clean stop needed
        if (browser != null) browser.close();
    }

    /** A `ytv2 worker` on "another host": the shared database and bucket, a data directory of its own, the builtin renderer. */
    ServerProcess worker(String leaseSeconds) throws IOException {
        Path dir = Files.createTempDirectory("ytv2-worker-");
        Map<String, String> env = RenderKit.fastEnv("YTV2_IMAGE_BACKENDS", "builtin", "YTV2_RENDER_LEASE_SECONDS", leaseSeconds);
        env.putAll(S3_ENV);
        ServerProcess w = ServerProcess.startWorker(a.databaseUrl, dir, env);
        workers.add(w);
        workerDirs.add(dir);
        return w;
    }

    /** B's dashboard showing AI2 images, with a mark on the document that a reload would wipe. */
    void watchOnB(String id) {
        browser.go("/");
        browser.waitUntil("the card", () -> !browser.driver.findElements(By.cssSelector("#wall .card[data-video-id=\"" + id + "\"]")).isEmpty());
        browser.waitUntil("live", () -> "live".equals(browser.driver.findElement(By.id("live-status")).getAttribute("data-state")));
        browser.pickImageMode("ai2");
        assertThat(browser.shownImage(id)).as("no image yet: the placeholder").isEqualTo("none ");
        browser.js("window.ytv2TestMark = 'same document'");
    }

    String newReport(String id, String title) {
        a.ingest(UiLibrary.report(a, id, title, "Chan", "youtube", "History", "2025-04-01T00:00:00Z"));
        return id;
    }

    void setPromptOnA(String id, String prompt) {
        var asked = a.post("/api/set-image-prompt", a.object().put("video_id", id).put("mode", "ai2").put("prompt", prompt).toString(),
                "Authorization", "Bearer " + TestServer.ADMIN);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
    }

    List<JsonNode> variants(String id) {
        String json = jdbi.withHandle(h -> h.createQuery("SELECT coalesce(analysis_json -> 'summary_image_variants', '[]')::text FROM content WHERE video_id = :id")
                .bind("id", id).mapTo(String.class).one());
        List<JsonNode> out = new ArrayList<>();
        try {
            a.mapper.readTree(json).forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    record JobRow(String state, int attempts) {
    }

    JobRow job(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT state, attempts FROM image_jobs WHERE video_id = :id AND mode = 'ai2'")
                .bind("id", id).map((rs, ctx) -> new JobRow(rs.getString(1), rs.getInt(2))).one());
    }

    int events(String id, String type) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM event_log WHERE video_id = :id AND type = :type")
                .bind("id", id).bind("type", type).mapTo(Integer.class).one());
    }

    /** The AI2 objects in the bucket that were not there when the test began. */
    List<String> objects() {
        return S3.keys(bucket, PREFIX + "/images/ai2/").stream().map(k -> "/exports/" + k.substring(PREFIX.length() + 1))
                .filter(url -> !earlier.contains(url)).toList();
    }

    static HttpResponse<byte[]> getFromB(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(b.base + url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The card shows this image, loaded from B, in the page that was open before (no reload). */
    void cardShowsLive(String id, String url) {
        browser.waitUntil("the card on B shows " + url, Duration.ofSeconds(60), () -> browser.thumb(id).getAttribute("src").endsWith(url));
        assertThat(browser.shownImage(id)).isEqualTo("ai2 " + url);
        // Found and read in one script: a live update may swap the card's image element between two calls.
        browser.waitUntil("the image loaded", () -> Boolean.TRUE.equals(browser.js("""
                const img = document.querySelector('#wall .card[data-video-id="' + arguments[0] + '"] img[data-role="thumb-summary"]');
                return img !== null && (img.getAttribute('src') || '').endsWith(arguments[1]) && img.complete && img.naturalWidth > 0;""",
                id, url)));
        assertThat(browser.js("return window.ytv2TestMark")).as("no reload").isEqualTo("same document");
        String shots = System.getProperty("ytv2.screenshots"); // for people to look at, not a check
        if (shots != null) {
            try {
                Files.write(Files.createDirectories(Path.of(shots)).resolve("across-machines-" + id.replace(':', '_') + ".png"),
                        browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void assertNoFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).toList()).as("files written under " + dir).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aPromptSetOnServerAIsRenderedByOneOfTwoWorkersAndAppearsLiveOnServerB() throws Exception {
        // Long leases: no render may lose its lease to a slow machine, so a second render would be a real double.
        worker("60");
        worker("60");
        String id = newReport("yt:machines0001", "Lighthouses of two coasts");
        watchOnB(id);

        setPromptOnA(id, "a lighthouse on a cliff at dusk, watercolor");
        await().atMost(Duration.ofSeconds(90)).until(() -> variants(id).size() == 1);
        String url = variants(id).get(0).path("url").asText();
        assertThat(url).startsWith("/exports/images/ai2/").doesNotContain(bucket);
        cardShowsLive(id, url);

        HttpResponse<byte[]> served = getFromB(url);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        // One claim, one render, one object, one variant: exactly one of the two workers drew it.
        assertThat(job(id)).isEqualTo(new JobRow("done", 1));
        assertThat(events(id, "image-job-started")).isEqualTo(1);
        assertThat(events(id, "image-variant-added")).isEqualTo(1);
        assertThat(objects()).containsExactly(url);
        assertThat(workers).allMatch(ServerProcess::isAlive);
        // The bucket is the only place the image went.
        for (Path dir : workerDirs) assertNoFiles(dir);
        assertNoFiles(bData);
    }

    @Test
    void aWorkerKilledBetweenStoringAndCommittingLeavesNoBrokenCardAndItsObjectIsSweptLater() throws Exception {
        String id = newReport("yt:machines0002", "Lighthouse lamps");
        watchOnB(id);
        setPromptOnA(id, "a lighthouse lamp in fog, linocut print");

        String orphan;
        ServerProcess first;
        // The test holds the report's row, so the worker stores its object and then waits for the row
        // in its commit: it is killed right there, provably between the two.
        try (Handle hold = jdbi.open()) {
            hold.begin();
            hold.execute("SELECT 1 FROM content WHERE video_id = ? FOR NO KEY UPDATE", id);
            // A lease long enough that its own reaper cannot move the job on before the test holds the job's row too.
            first = worker("15");
            await().atMost(Duration.ofSeconds(60)).until(() -> job(id).state().equals("running"));
            // And its job row, so no lease reaper can move the job on while the test looks.
            hold.execute("SELECT 1 FROM image_jobs WHERE video_id = ? AND mode = 'ai2' FOR NO KEY UPDATE", id);
            await().atMost(Duration.ofSeconds(60)).until(() -> objects().size() == 1 && commitIsWaiting());
            orphan = objects().get(0);

            // In flight (stored, not yet committed): even a day later by the clock, the sweep leaves it.
            assertThat(sweepADayLater()).isZero();
            assertThat(objects()).containsExactly(orphan);
            assertThat(job(id).state()).isEqualTo("running");

            first.kill();
            assertThat(first.exitValue()).as("128 + SIGKILL (9)").isEqualTo(137);
            hold.rollback();
        }
        assertThat(variants(id)).as("nothing committed").isEmpty();
        assertThat(browser.shownImage(id)).as("the card still shows its placeholder, never the orphan").isEqualTo("none ");

        worker("3");
        await().atMost(Duration.ofSeconds(90)).until(() -> job(id).state().equals("done"));
        List<JsonNode> variants = variants(id);
        assertThat(variants).as("rendered once").hasSize(1);
        String url = variants.get(0).path("url").asText();
        assertThat(url).isNotEqualTo(orphan);
        assertThat(events(id, "image-variant-added")).isEqualTo(1);
        assertThat(events(id, "image-job-started")).as("the killed attempt, then the retry").isGreaterThanOrEqualTo(2);
        cardShowsLive(id, url);
        assertThat(objects()).containsExactlyInAnyOrder(orphan, url);

        // The orphan is named by no report and no render is running: the sweep removes it, and only it.
        assertThat(sweepADayLater()).isEqualTo(1);
        assertThat(objects()).containsExactly(url);
        assertThat(getFromB(url).statusCode()).isEqualTo(200);
        assertThat(getFromB(orphan).statusCode()).isEqualTo(404);
        assertThat(browser.shownImage(id)).isEqualTo("ai2 " + url);
    }

    /** The worker's commit is waiting for the report's row. */
    boolean commitIsWaiting() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
                  AND query LIKE '%FROM content WHERE video_id%FOR UPDATE%'""").mapTo(Integer.class).one()) >= 1;
    }

    /** Server A's sweep as it runs hourly, with the clock 25 hours ahead (the grace period is 24 h). */
    long sweepADayLater() {
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(25)), ZoneOffset.UTC);
        try (FileSweeper sweeper = new FileSweeper(jdbi, a.running.services().files(), Wiring.sweptFolders(),
                a.running.services().jobs()::oldestRunningRenderStart, Duration.ofHours(24), later)) {
            return sweeper.sweepOnce();
        }
    }
}
