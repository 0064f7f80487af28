package dev.ytv2.bench;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Time from navigation to the first cards painted, in Debian's headless Chromium, against a running
 * server (e.g. one serving the 100,000-report bench library), plus what the page transferred.
 * Run: mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.ytv2.bench.FirstPaintBench
 *      -Dexec.args="http://localhost:10000 10"
 */
public final class FirstPaintBench {
    // Installed before any page script: notes the first frame painted after a real card exists.
    private static final String PROBE = """
            new MutationObserver((changes, observer) => {
              if (document.querySelector('#wall .card:not(.skeleton)')) {
                observer.disconnect();
                requestAnimationFrame(() => requestAnimationFrame(() => { window.__firstCards = performance.now(); }));
              }
            }).observe(document, {subtree: true, childList: true});""";

    private FirstPaintBench() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:10000";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < runs; i++) {
            ChromeDriver driver = open();
            try {
                driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
                cold.add(measure(driver, base));
                if (i == 0) {
                    bytes = ((Number) driver.executeScript("""
                            const nav = performance.getEntriesByType('navigation')[0];
                            return performance.getEntriesByType('resource').reduce((n, r) => n + r.transferSize, nav.transferSize);""")).longValue();
                }
                warm.add(measure(driver, base));
            } finally {
                driver.quit();
            }
        }
        System.out.printf("first cards painted, cold cache: p50 %.0f ms, max %.0f ms (%d runs)%n", median(cold), max(cold), runs);
        System.out.printf("first cards painted, warm cache: p50 %.0f ms, max %.0f ms%n", median(warm), max(warm));
        System.out.printf("transferred on a cold load (page, scripts, styles, API, images so far): %.1f KB%n", bytes / 1024.0);
    }

    private static double measure(ChromeDriver driver, String base) {
        driver.get(base + "/");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> driver.executeScript("return window.__firstCards") != null);
        System.out.println(driver.executeScript("""
            const n = performance.getEntriesByType('navigation')[0];
            const api = performance.getEntriesByType('resource').filter(r => r.name.includes('/api/')).map(r => r.name.replace(location.origin,'') + ' ' + Math.round(r.startTime) + '-' + Math.round(r.responseEnd));
            const js = performance.getEntriesByType('resource').filter(r => r.name.endsWith('.js'));
            return 'nav ' + Math.round(n.responseEnd) + ' dcl ' + Math.round(n.domContentLoadedEventEnd) + ' js ' + Math.round(Math.min(...js.map(r=>r.startTime))) + '-' + Math.round(Math.max(...js.map(r=>r.responseEnd))) + ' api ' + api.join(', ') + ' cards ' + Math.round(window.__firstCards);"""));
        return ((Number) driver.executeScript("return window.__firstCards")).doubleValue();
    }

    private static ChromeDriver open() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1440,900", "--user-data-dir=" + Files.createTempDirectory("ytv2-paint-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
