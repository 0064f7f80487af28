package dev.ytv2.web.ui;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Screenshots of a running dashboard for people to look at: each given path, light and dark, at a
 * phone width and a wide one. Run: mvn -q exec:java -Dexec.classpathScope=test
 *   -Dexec.mainClass=dev.ytv2.web.ui.Screenshots -Dexec.args="http://localhost:10000 /tmp/shots / /?q=rust"
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path out = Files.createDirectories(Path.of(args[1]));
        try (Browser browser = Browser.open(base)) {
            for (int i = 2; i < args.length; i++) {
                for (String theme : new String[]{"light", "dark"}) {
                    for (int width : new int[]{390, 1440}) {
                        browser.driver.manage().window().setSize(new Dimension(width, width < 600 ? 844 : 900));
                        browser.go("/");
                        browser.js("localStorage.setItem('ytv2.theme', arguments[0])", theme);
                        browser.go(args[i]);
                        browser.waitUntil("cards or a state", () -> !browser.driver.findElements(
                                org.openqa.selenium.By.cssSelector("#wall .card:not(.skeleton), .state")).isEmpty());
                        // a shot of what a person would wait for: the images in view loaded, the fade-ins over
                        browser.waitUntil("images in view loaded, animations finished", () -> Boolean.TRUE.equals(browser.js("""
                                const inView = i => { const r = i.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
                                return [...document.images].filter(inView).every(i => i.complete)
                                    && document.getAnimations().every(a => a.playState !== 'running'
                                        || a.effect?.getComputedTiming().iterations === Infinity);""")));
                        String name = (args[i].replaceAll("[^A-Za-z0-9]+", "_") + "-" + theme + "-" + width + ".png").replaceFirst("^_", "");
                        Files.write(out.resolve(name.startsWith("-") ? "home" + name : name), browser.driver.getScreenshotAs(OutputType.BYTES));
                    }
                }
            }
        }
    }
}
