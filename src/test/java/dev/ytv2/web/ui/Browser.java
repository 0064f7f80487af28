package dev.ytv2.web.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Debian's headless Chromium driven by its own chromedriver: nothing is downloaded. */
final class Browser implements AutoCloseable {
    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final String base;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile, String base) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.base = base;
    }

    static Browser open(String base) {
        try {
            Path profile = Files.createTempDirectory("ytv2-chrome-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(new File("/usr/bin/chromium"));
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1366,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            return new Browser(driver, service, profile, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void go(String pathAndQuery) {
        driver.get(base + pathAndQuery);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Clicks what `css` finds; one that a re-render replaced before the click landed is looked up again. */
    void click(String css) {
        waitUntil("click " + css, () -> {
            driver.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    void waitUntil(String what, Supplier<Boolean> condition) {
        waitUntil(what, Duration.ofSeconds(15), condition);
    }

    /** The same, for what waits on other processes (a worker's render) and may take longer on a loaded machine. */
    void waitUntil(String what, Duration within, Supplier<Boolean> condition) {
        // The page re-renders parts of a card in place; a reference read mid-swap is simply read again.
        new WebDriverWait(driver, within).pollingEvery(Duration.ofMillis(100)).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.get());
    }

    List<WebElement> cards() {
        return driver.findElements(By.cssSelector("#wall .card:not(.skeleton)"));
    }

    List<String> cardTitles() {
        // textContent: a card fading in is not "displayed" to WebDriver for a few frames
        return driver.findElements(By.cssSelector("#wall .card-link")).stream().map(e -> e.getDomProperty("textContent")).toList();
    }

    WebElement card(String videoId) {
        return driver.findElement(By.cssSelector("#wall .card[data-video-id=\"" + videoId + "\"]"));
    }

    /** The card's image element, by its data-role: the same element whichever image source the card shows. */
    WebElement thumb(String videoId) {
        return card(videoId).findElement(By.cssSelector("img[data-role=\"thumb-summary\"]"));
    }

    /** "source url-path" of a card's image once it has settled (loaded, or fallen back to the placeholder). */
    String shownImage(String videoId) {
        waitUntil("image of " + videoId + " settles", () -> Boolean.TRUE.equals(js("""
                const img = arguments[0];
                return img.dataset.imageSource === 'none' || (img.complete && img.naturalWidth > 0);""", thumb(videoId))));
        // Read source and URL in one script, so a live update swapping the element cannot split them.
        String shown = (String) js("""
                const img = document.querySelector('#wall .card[data-video-id="' + arguments[0] + '"] img[data-role="thumb-summary"]');
                return img.dataset.imageSource + ' ' + (img.getAttribute('src') || '');""", videoId);
        return shown.replace(base, "");
    }

    String query() {
        return (String) js("return location.search");
    }

    /** Signs in as admin the way the settings dialog does (a session cookie from POST /api/session), then loads "/". */
    void signInAsAdmin(dev.ytv2.support.TestServer server) {
        var r = server.post("/api/session", "{\"token\":\"" + dev.ytv2.support.TestServer.ADMIN + "\"}");
        String value = r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0].split("=", 2)[1];
        if (!driver.getCurrentUrl().startsWith(base)) go("/");
        driver.manage().addCookie(new org.openqa.selenium.Cookie("ytv2_session", value, "/"));
        go("/");
    }

    void pickImageMode(String mode) {
        driver.findElement(By.id("settings-open")).click();
        driver.findElement(By.cssSelector("#settings [data-value=\"" + mode + "\"]")).click();
        js("document.querySelector('#settings').close()");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }
}
