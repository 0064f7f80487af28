package dev.ytv2.web.ui;

import dev.ytv2.support.BrowserTest;
import dev.ytv2.support.SemanticLibrary;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The search-mode switch, the reader's Related row, "More like this" and the backfill indicator, in Chromium. */
@BrowserTest
class SemanticBrowserTest {
    static TestServer server;
    Browser browser;

    @BeforeAll
    static void seed() {
        server = TestServer.startWithWorker(env -> env.put("YTV2_EMBED_SWEEP_SECONDS", "0.2"));
        SemanticLibrary.seed(server);
        SemanticLibrary.awaitEmbedded(server, 6);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(server.base);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    private void shot(String name) {
        shot(browser, name);
    }

    /** With -Dytv2.screenshots=DIR (also passed to the test JVM), a PNG of the page for people to look at. */
    private static void shot(Browser browser, String name) {
        String dir = System.getProperty("ytv2.screenshots");
        if (dir == null) return;
        try {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private WebElement mode(String m) {
        return browser.driver.findElement(By.cssSelector(".search-mode[data-mode=\"" + m + "\"]"));
    }

    @Test
    void theSearchModeSwitchLivesInTheUrlAndFindsByMeaning() {
        browser.go("/?q=baking%20bread");
        browser.waitUntil("keyword search finds nothing", () -> "empty".equals(browser.driver.findElement(By.id("wall-status")).getDomAttribute("data-kind")));
        assertThat(mode("keyword").getDomAttribute("aria-pressed")).isEqualTo("true");
        mode("hybrid").click();
        browser.waitUntil("hybrid finds the sourdough report first", () -> !browser.cardTitles().isEmpty()
                && browser.cardTitles().get(0).equals("Sourdough starter basics"));
        assertThat(browser.query()).isEqualTo("?q=baking+bread&search=hybrid");
        mode("semantic").click();
        browser.waitUntil("semantic in the URL", () -> browser.query().equals("?q=baking+bread&search=semantic"));
        browser.waitUntil("semantic ranks it first", () -> !browser.cardTitles().isEmpty()
                && browser.cardTitles().get(0).equals("Sourdough starter basics"));
        assertThat(mode("semantic").getDomAttribute("aria-pressed")).isEqualTo("true");
        shot("search-modes");
        browser.driver.navigate().back();
        browser.waitUntil("back to hybrid", () -> browser.query().equals("?q=baking+bread&search=hybrid")
                && "true".equals(mode("hybrid").getDomAttribute("aria-pressed")));
    }

    @Test
    void theReaderShowsRelatedReportsAndOpensThem() {
        browser.go("/?report=yt:sourdough01");
        // read in the same look that finds the row: the reader draws it again when the open report
        // changes (its vector arriving, say), and a second look may fall between two drawings
        List<List<String>> seen = new java.util.ArrayList<>(List.of(List.of()));
        browser.waitUntil("the related row", () -> {
            seen.set(0, browser.driver.findElements(By.cssSelector("#reader .related-link")).stream()
                    .map(e -> e.getDomAttribute("data-video-id")).toList());
            return !seen.get(0).isEmpty();
        });
        List<String> related = seen.get(0);
        assertThat(related).doesNotContain("yt:sourdough01").first().isEqualTo("reddit:pasta01");
        browser.js("document.querySelector('#reader .related').scrollIntoView()");
        shot("reader-related");
        browser.click("#reader .related-link[data-video-id=\"reddit:pasta01\"]");
        browser.waitUntil("the pasta report opens", () -> browser.driver.findElement(By.id("reader-title")).getText().equals("Fresh pasta by hand"));
        assertThat(browser.query()).isEqualTo("?report=reddit%3Apasta01");
        browser.driver.navigate().back();
        browser.waitUntil("back to the sourdough report", () -> browser.driver.findElement(By.id("reader-title")).getText().equals("Sourdough starter basics"));
    }

    @Test
    void moreLikeThisTurnsTheWallIntoTheCardsNeighboursAndBackReturns() {
        browser.go("/");
        browser.waitUntil("all cards", () -> browser.cards().size() == 6);
        browser.card("yt:marathon01").findElement(By.cssSelector(".card-menu")).click();
        browser.driver.findElement(By.cssSelector(".menu [data-role=\"more-like\"]")).click();
        browser.waitUntil("the neighbours", () -> browser.query().equals("?like=yt%3Amarathon01") && browser.cards().size() == 5);
        assertThat(browser.driver.findElements(By.cssSelector("#wall .card[data-video-id=\"yt:marathon01\"]"))).isEmpty();
        browser.waitUntil("the banner names the card", () -> browser.driver.findElement(By.cssSelector(".like-banner .like-title")).getText()
                .equals("A sixteen week marathon plan"));
        shot("more-like-this");
        browser.driver.navigate().back();
        browser.waitUntil("the whole library again", () -> browser.query().isEmpty() && browser.cards().size() == 6
                && !browser.driver.findElement(By.cssSelector(".like-banner")).isDisplayed());
    }

    @Test
    void anIndicatorShowsWhileReportsAreBeingEmbedded() {
        try (TestServer idle = TestServer.start()) {
            SemanticLibrary.seed(idle);
            // No worker runs in this server: queued embedding jobs stay queued until the test finishes them.
            idle.running.database().jdbi().useHandle(h -> h.execute("""
                    INSERT INTO image_jobs (video_id, mode, prompt, prompt_source) SELECT video_id, 'embed', 'm', 'backfill' FROM content"""));
            try (Browser b = Browser.open(idle.base)) {
                b.go("/");
                b.waitUntil("the indicator", () -> b.driver.findElement(By.id("backfill")).isDisplayed());
                assertThat(b.driver.findElement(By.id("backfill")).getText()).isEqualTo("Indexing 0 / 6");
                shot(b, "backfill");
                idle.running.database().jdbi().useHandle(h -> h.execute("UPDATE image_jobs SET state = 'done' WHERE mode = 'embed'"));
                await().atMost(Duration.ofSeconds(40)).until(() -> !b.driver.findElement(By.id("backfill")).isDisplayed());
            }
        }
    }
}
