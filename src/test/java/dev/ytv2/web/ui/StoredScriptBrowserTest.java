package dev.ytv2.web.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.support.BrowserTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Script stored in any field is shown as text or dropped, and never runs. */
@BrowserTest
class StoredScriptBrowserTest {
    static final String TITLE = "<img src=x onerror=\"window.__xss='title'\">Evil title";
    static final String CHANNEL = "<script>window.__xss='channel'</script>";
    static TestServer server;

    @BeforeAll
    static void seed() {
        server = TestServer.start();
        ObjectNode r = UiLibrary.report(server, "yt:xss0000001", TITLE, CHANNEL, "youtube", "<svg onload=\"window.__xss='category'\">", "2025-01-01T00:00:00Z");
        ObjectNode a = UiLibrary.analysis(r);
        a.put("summary_image_ai2_url", "javascript:window.__xss='ai2'");
        a.put("summary_image_selected_url", "\"><img src=x onerror=\"window.__xss='a1'\">");
        a.put("summary_image_display_mode", "ai2");
        UiLibrary.addVariant(r, "javascript:window.__xss='variant'", "ai2", "2025-01-01T00:00:00Z", true);
        ArrayNode summaries = (ArrayNode) r.get("summary_variants");
        ((ObjectNode) summaries.get(0)).put("html", "<p>Fine text</p><script>window.__xss='summary'</script>"
                + "<img src=x onerror=\"window.__xss='summary-img'\"><a href=\"javascript:window.__xss='link'\">click</a>");
        server.ingest(r);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void scriptInTitleChannelSummaryOrImageUrlsNeverRuns() {
        try (Browser browser = Browser.open(server.base)) {
            browser.go("/");
            browser.waitUntil("the card", () -> browser.cards().size() == 1);
            for (String mode : new String[] {"og", "a1", "ai2", "rotate", "default"}) {
                browser.pickImageMode(mode);
                String src = browser.thumb("yt:xss0000001").getAttribute("src");
                assertThat(src == null ? "" : src).doesNotContain("javascript").doesNotContain("onerror");
            }
            WebElement link = browser.driver.findElement(By.cssSelector(".card-link"));
            // shown as the literal text it is, not parsed as markup
            assertThat(link.getDomProperty("textContent")).isEqualTo(TITLE);
            assertThat(browser.driver.findElement(By.cssSelector(".card .channel")).getDomProperty("textContent")).isEqualTo(CHANNEL);

            link.click();
            browser.waitUntil("reader", () -> browser.driver.findElements(By.cssSelector("#reader .summary-body")).size() == 1);
            WebElement body = browser.driver.findElement(By.cssSelector("#reader .summary-body"));
            browser.waitUntil("summary shown", () -> body.getText().contains("Fine text"));
            assertThat(body.findElements(By.tagName("script"))).isEmpty();
            for (WebElement a : body.findElements(By.tagName("a"))) {
                String href = a.getAttribute("href");
                assertThat(href == null ? "" : href).doesNotStartWith("javascript");
            }
            browser.js("return new Promise(r => setTimeout(r, 500))");
            assertThat(browser.js("return window.__xss === undefined ? null : String(window.__xss)")).isNull();
            assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        }
    }
}
