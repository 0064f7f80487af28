package dev.ytv2.web.ui;

import com.sun.net.httpserver.HttpServer;
import dev.ytv2.support.BrowserTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's Transcript tab, deleting a report (card menu and reader, in every open browser) and
 * the "Regenerate summary…" dialog against a local fake of the processing backend.
 * Screenshots for people to look at: -Dytv2.screenshots=DIR.
 */
@BrowserTest
class ReportActionsBrowserTest {
    static TestServer server;
    static HttpServer backend;
    static volatile int backendStatus = 200;
    static final List<String> requests = new CopyOnWriteArrayList<>();
    static Browser browser;
    static Browser other;

    @BeforeAll
    static void start() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/api/reprocess", ex -> {
            requests.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = (backendStatus == 200 ? "{\"success\": true}"
                    : "{\"error\": \"already_processing\", \"message\": \"This video is already being processed.\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(backendStatus, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        backend.start();
        server = TestServer.start(env -> env.put("BACKEND_API_URL", "http://127.0.0.1:" + backend.getAddress().getPort()));
        for (String id : List.of("yt:tKeeper0001", "yt:tDelete0001", "yt:tDelete0002", "yt:tRegen00001")) {
            server.ingest(UiLibrary.report(server, id, "Report " + id.substring(3), "Keepers", "youtube", "History", "2025-01-0" + (id.hashCode() & 7 | 1) + "T00:00:00Z"));
        }
        // Transcripts come from the worker's own SQL, as in a YTV2 database.
        server.running.database().jdbi().useHandle(h -> h.execute("""
                UPDATE content SET transcript_segments = '[{"start": 0, "duration": 4, "text": "Welcome aboard the lighthouse."},
                    {"start": 4.5, "duration": 5, "text": "The lamp must never go out."},
                    {"start": 65, "duration": 5, "text": "Storms came every winter."}]' WHERE video_id = 'yt:tKeeper0001'"""));
        browser = Browser.open(server.base);
        browser.signInAsAdmin(server);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (other != null) other.close();
        server.close();
        backend.stop(0);
    }

    @BeforeEach
    void home() {
        browser.go("/");
        browser.waitUntil("cards", () -> !browser.cards().isEmpty());
    }

    static void shot(Browser b, String name) throws IOException {
        String dir = System.getProperty("ytv2.screenshots");
        if (dir == null) return;
        Path out = Files.createDirectories(Path.of(dir));
        Files.write(out.resolve(name + ".png"), b.driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theReaderShowsATranscriptWithTimesAFilterCopyAndDownload() throws IOException {
        browser.go("/?report=yt:tKeeper0001");
        browser.waitUntil("transcript tab", () -> !browser.driver.findElements(By.cssSelector("#reader .tab[data-variant=transcript]")).isEmpty());
        WebElement tab = browser.driver.findElement(By.cssSelector("#reader .tab[data-variant=transcript]"));
        assertThat(tab.getDomProperty("textContent")).isEqualTo("Transcript");
        tab.click();
        browser.waitUntil("lines", () -> browser.driver.findElements(By.cssSelector("#reader .transcript-line")).size() == 3);
        List<WebElement> times = browser.driver.findElements(By.cssSelector("#reader a.transcript-time"));
        assertThat(times).extracting(e -> e.getDomProperty("textContent")).containsExactly("0:00", "0:04", "1:05");
        assertThat(times.get(2).getAttribute("href")).isEqualTo("https://www.youtube.com/watch?v=tKeeper0001&t=65s");
        assertThat(times.get(2).getAttribute("target")).isEqualTo("_blank");
        shot(browser, "transcript");

        browser.driver.findElement(By.cssSelector("#reader .transcript-filter")).sendKeys("lamp");
        browser.waitUntil("filtered", () -> browser.driver.findElements(By.cssSelector("#reader .transcript-line:not([hidden])")).size() == 1);
        assertThat(browser.driver.findElement(By.cssSelector("#reader .transcript-line:not([hidden]) .transcript-words")).getDomProperty("textContent"))
                .isEqualTo("The lamp must never go out.");
        assertThat(browser.driver.findElement(By.cssSelector("#reader .transcript-count")).getDomProperty("textContent")).isEqualTo("1 of 3 lines");
        assertThat(browser.driver.findElements(By.cssSelector("#reader [data-role=copy-transcript]"))).hasSize(1);
        // The download is the text itself: read it the way the button builds it.
        browser.js("window.__blobs = []; const o = URL.createObjectURL; URL.createObjectURL = (b) => { window.__blobs.push(b); return o(b); };");
        browser.driver.findElement(By.cssSelector("#reader [data-role=download-transcript]")).click();
        Object text = browser.driver.executeAsyncScript("const done = arguments[0]; window.__blobs[0].text().then(done);");
        assertThat(text).isEqualTo("[0:00] Welcome aboard the lighthouse.\n[0:04] The lamp must never go out.\n[1:05] Storms came every winter.\n");

        browser.go("/?report=yt:tDelete0002");
        browser.waitUntil("reader", () -> !browser.driver.findElements(By.cssSelector("#reader .tab")).isEmpty());
        assertThat(browser.driver.findElements(By.cssSelector("#reader .tab[data-variant=transcript]"))).as("none without a transcript").isEmpty();
    }

    @Test
    void deletingFromTheCardMenuAsksByTitleAndRemovesTheCardEverywhere() throws IOException {
        if (other == null) {
            other = Browser.open(server.base);
            other.signInAsAdmin(server);
        } else {
            other.go("/");
        }
        other.waitUntil("live", () -> "live".equals(other.driver.findElement(By.id("live-status")).getAttribute("data-state")));
        other.waitUntil("card there", () -> !other.driver.findElements(By.cssSelector("#wall .card[data-video-id=\"yt:tDelete0001\"]")).isEmpty());

        browser.card("yt:tDelete0001").findElement(By.cssSelector(".card-menu")).click();
        browser.driver.findElement(By.cssSelector(".menu [data-role=delete-report]")).click();
        WebElement dialog = browser.driver.findElement(By.cssSelector("dialog.report-action[open]"));
        assertThat(dialog.findElement(By.tagName("h2")).getDomProperty("textContent")).isEqualTo("Delete “Report tDelete0001”?");
        shot(browser, "delete-confirm");
        dialog.findElement(By.cssSelector("[data-role=confirm-delete]")).click();

        browser.waitUntil("gone here", () -> browser.driver.findElements(By.cssSelector("#wall .card[data-video-id=\"yt:tDelete0001\"]")).isEmpty());
        other.waitUntil("gone there", () -> other.driver.findElements(By.cssSelector("#wall .card[data-video-id=\"yt:tDelete0001\"]")).isEmpty());
        assertThat(server.get("/api/reports/yt:tDelete0001").statusCode()).isEqualTo(404);
    }

    @Test
    void deletingFromTheReaderClosesItAndCancelKeepsTheReport() {
        browser.go("/?report=yt:tDelete0002");
        browser.waitUntil("reader actions", () -> !browser.driver.findElements(By.cssSelector("#reader [data-role=delete-report]")).isEmpty());
        openAction("#reader [data-role=delete-report]").findElement(By.cssSelector(".button:not(.danger)")).click();
        browser.waitUntil("confirm closed", () -> browser.driver.findElements(By.cssSelector("dialog.report-action[open]")).isEmpty());
        assertThat(server.get("/api/reports/yt:tDelete0002").statusCode()).isEqualTo(200);

        openAction("#reader [data-role=delete-report]").findElement(By.cssSelector("[data-role=confirm-delete]")).click();
        browser.waitUntil("reader closed", () -> !Boolean.TRUE.equals(browser.js("return document.querySelector('#reader').open")));
        browser.waitUntil("card gone", () -> browser.driver.findElements(By.cssSelector("#wall .card[data-video-id=\"yt:tDelete0002\"]")).isEmpty());
        assertThat(server.get("/api/reports/yt:tDelete0002").statusCode()).isEqualTo(404);
    }

    @Test
    void regenerateSummaryShowsTheOutcomeAndTheReaderUpdatesWhenTheWorkerReIngests() throws IOException {
        browser.go("/?report=yt:tRegen00001");
        browser.waitUntil("reader actions", () -> !browser.driver.findElements(By.cssSelector("#reader [data-role=regenerate-summary]")).isEmpty());
        WebElement dialog = openAction("#reader [data-role=regenerate-summary]");
        List<String> checked = dialog.findElements(By.cssSelector(".report-action-types input:checked")).stream()
                .map(e -> e.getAttribute("value")).toList();
        assertThat(checked).containsExactly("comprehensive", "bullet-points");
        dialog.findElement(By.cssSelector("input[value=bullet-points]")).click();
        dialog.findElement(By.cssSelector("[data-role=send-regenerate]")).click();
        WebElement status = dialog.findElement(By.cssSelector("[data-role=regenerate-status]"));
        browser.waitUntil("requested", () -> "done".equals(status.getAttribute("data-state")));
        assertThat(status.getDomProperty("textContent")).startsWith("Requested.");
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).contains("\"summary_types\":[\"comprehensive\"]").contains("\"regenerate_audio\":false")
                .contains("yt:tRegen00001");
        shot(browser, "regenerate-done");

        backendStatus = 409;
        dialog.findElement(By.cssSelector("[data-role=send-regenerate]")).click();
        browser.waitUntil("refused", () -> "error".equals(status.getAttribute("data-state")));
        assertThat(status.getDomProperty("textContent")).isEqualTo("This video is already being processed.");
        backendStatus = 200;
        dialog.findElement(By.cssSelector(".report-action-buttons .button:not(.primary)")).click();

        // The worker re-ingests the new summary: the open reader shows it without a reload.
        var again = server.object().put("video_id", "yt:tRegen00001");
        again.putArray("summary_variants").addObject().put("variant", "comprehensive")
                .put("text", "A freshly regenerated summary.").put("html", "<p>A freshly regenerated summary.</p>");
        server.ingest(again);
        browser.waitUntil("reader updated", () -> browser.driver.findElement(By.cssSelector("#reader .summary-body")).getDomProperty("textContent")
                .contains("A freshly regenerated summary."));
    }

    @Test
    void signedOutVisitorsAreNotOfferedTheAdminActions() {
        Browser visitor = Browser.open(server.base);
        try {
            visitor.go("/?report=yt:tKeeper0001");
            visitor.waitUntil("reader", () -> !visitor.driver.findElements(By.cssSelector("#reader .tab")).isEmpty());
            assertThat(visitor.driver.findElements(By.cssSelector("#reader [data-role=delete-report], #reader [data-role=regenerate-summary]"))).isEmpty();
        } finally {
            visitor.close();
        }
    }

    /**
     * Clicks a reader's action until its dialog is open: the reader redraws its actions once the
     * session is known, and a click on the replaced button opens nothing.
     */
    private WebElement openAction(String buttonCss) {
        browser.waitUntil("dialog of " + buttonCss, () -> {
            if (browser.driver.findElements(By.cssSelector("dialog.report-action[open]")).isEmpty()) {
                browser.driver.findElement(By.cssSelector(buttonCss)).click();
            }
            return !browser.driver.findElements(By.cssSelector("dialog.report-action[open]")).isEmpty();
        });
        return browser.driver.findElement(By.cssSelector("dialog.report-action[open]"));
    }
}
