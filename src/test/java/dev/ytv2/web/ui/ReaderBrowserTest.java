package dev.ytv2.web.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.support.BrowserTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader: its meta line, where focus goes, its tabs on a phone, and a report with nothing to read yet. */
@BrowserTest
class ReaderBrowserTest {
    @RegisterExtension
    static final BrowserSession session = new BrowserSession(ReaderBrowserTest::seed);

    private static Browser browser() {
        return session.browser();
    }

    static void seed(TestServer server) {
        server.ingest(UiLibrary.report(server, "yt:reader01", "A talk of ten minutes", "Conf", "youtube", "Science", "2025-01-01T00:00:00Z"));
        ObjectNode many = UiLibrary.report(server, "yt:manytabs", "Five ways to read one talk", "Conf", "youtube", "Science",
                "2025-01-02T00:00:00Z");
        ArrayNode variants = (ArrayNode) many.get("summary_variants");
        for (String v : List.of("key-insights", "executive", "audio")) {
            variants.addObject().put("variant", v).put("summary_type", v).put("text", "The " + v + " summary").put("html", "<p>The " + v + " summary</p>");
        }
        server.ingest(many);
        ObjectNode bare = UiLibrary.report(server, "web:nosummary", "An article saved before its summary", "Some Blog", "web", "Science",
                "2025-01-03T00:00:00Z");
        bare.remove("summary_variants");
        server.ingest(bare);
    }

    private void size(int width, int height) {
        browser().driver.manage().window().setSize(new Dimension(width, height));
    }

    private WebElement reader(String css) {
        return browser().driver.findElement(By.cssSelector("#reader " + css));
    }

    private void openReader(String id, int tabs) {
        browser().go("/?report=" + id.replace(":", "%3A"));
        browser().waitUntil("the reader with " + tabs + " tabs", () -> browser().driver.findElements(By.cssSelector("#reader .tab")).size() == tabs
                && "false".equals(browser().driver.findElement(By.id("reader")).getAttribute("aria-busy")));
    }

    private double number(String script, Object... args) {
        return ((Number) browser().js(script, args)).doubleValue();
    }

    @Test
    void theMetaLineSaysTheDurationIsADuration() {
        openReader("yt:reader01", 2);
        WebElement duration = reader(".reader-meta .reader-duration");
        assertThat(duration.getDomProperty("textContent")).isEqualTo("10 min");
        assertThat(duration.getAttribute("aria-label")).isEqualTo("Duration 10 min");
        assertThat(reader(".reader-meta").getDomProperty("textContent")).doesNotContain("10:00");
    }

    @Test
    void openingTheReaderByEnterLeavesFocusOnItsCloseButtonAndClosingGivesItBack() {
        browser().go("/");
        browser().waitUntil("cards", () -> browser().cards().size() == 3);
        WebElement link = browser().card("yt:reader01").findElement(By.cssSelector(".card-link"));
        browser().js("arguments[0].focus()", link);
        link.sendKeys(Keys.ENTER);
        browser().waitUntil("the full report is shown", () -> browser().driver.findElements(By.cssSelector("#reader .tab")).size() == 2);
        browser().waitUntil("the summary is drawn", () -> !browser().driver.findElements(By.cssSelector("#reader .summary-body p")).isEmpty());
        assertThat(browser().js("return document.activeElement.getAttribute('aria-label')")).isEqualTo("Close reader");

        new Actions(browser().driver).sendKeys(Keys.TAB).perform();
        assertThat(browser().js("return document.getElementById('reader').contains(document.activeElement)")).isEqualTo(true);

        new Actions(browser().driver).sendKeys(Keys.ESCAPE).perform();
        browser().waitUntil("reader closed", () -> !browser().driver.findElement(By.id("reader")).isDisplayed());
        browser().waitUntil("focus back on the card", () -> Boolean.TRUE.equals(browser().js("return document.activeElement === arguments[0]", link)));
    }

    @Test
    void aReportWithoutASummaryOpensACompactReaderThatSaysSo() {
        size(1440, 900);
        openReader("yt:reader01", 2);
        double innerHeight = number("return window.innerHeight");
        assertThat(number("return document.getElementById('reader').getBoundingClientRect().height")).isGreaterThan(innerHeight * 0.9);

        openReader("web:nosummary", 0);
        // The card's row already says there is no summary, so the empty state is drawn twice: read it afresh each time.
        browser().waitUntil("the empty state shows", () -> reader(".reader-empty").isDisplayed());
        assertThat(reader(".reader-empty h3").getText()).isEqualTo("No written summary yet");
        assertThat(reader(".reader-empty p").getText()).contains("This page is in the library");
        assertThat(number("return document.getElementById('reader').getBoundingClientRect().height")).isLessThan(innerHeight * 0.6);
        assertThat(reader(".reader-actions a").getText()).isEqualTo("Open source");

        size(390, 844);
        browser().waitUntil("a bottom sheet on a phone", () -> Math.abs(number("return window.innerHeight - document.getElementById('reader').getBoundingClientRect().bottom")) < 1);
        assertThat(number("return document.getElementById('reader').getBoundingClientRect().height")).isLessThan(number("return window.innerHeight") * 0.7);
        assertThat(reader(".reader-empty").isDisplayed()).isTrue();
    }

    @Test
    void onAPhoneTheTabStripShowsThatMoreTabsFollow() {
        size(390, 844);
        openReader("yt:manytabs", 5);
        WebElement strip = reader(".tabs-strip");
        browser().waitUntil("more tabs at the end", () -> "end".equals(strip.getAttribute("data-more")));
        WebElement toEnd = reader(".tabs-more-end");
        assertThat(toEnd.isDisplayed()).isTrue();
        assertThat(reader(".tabs-more-start").isDisplayed()).isFalse();
        assertThat(number("return arguments[0].getBoundingClientRect().right - arguments[1].getBoundingClientRect().right",
                reader(".tab[data-variant=audio]"), strip)).as("the last tab is off-screen").isPositive();

        browser().js("arguments[0].click()", toEnd);
        browser().waitUntil("tabs on both sides", () -> "start end".equals(strip.getAttribute("data-more"))
                || "start".equals(strip.getAttribute("data-more")));
        browser().js("const t = document.querySelector('#reader .tabs'); t.scrollLeft = t.scrollWidth");
        browser().waitUntil("at the end only earlier tabs are hidden", () -> "start".equals(strip.getAttribute("data-more")));
        assertThat(toEnd.isDisplayed()).isFalse();
        assertThat(reader(".tabs-more-start").isDisplayed()).isTrue();

        size(1440, 900);
        browser().waitUntil("every tab fits on a wide screen", () -> "".equals(strip.getAttribute("data-more")));
        assertThat(reader(".tabs-more-start").isDisplayed()).isFalse();
        assertThat(toEnd.isDisplayed()).isFalse();
    }
}
