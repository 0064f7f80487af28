package dev.ytv2.web.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.support.BrowserTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.awt.Color;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live updates through the event stream: what is ingested or selected through the API reaches an open
 * dashboard without a reload (a new-reports pill, recounted facets, a card patched in place).
 */
@BrowserTest
class LiveUpdatesBrowserTest {
    static TestServer server;
    static String first, second;
    Browser browser;

    @BeforeAll
    static void seed() {
        server = TestServer.start();
        first = UiLibrary.image(server, "live-first", Color.RED);
        second = UiLibrary.image(server, "live-second", Color.BLUE);
        ObjectNode r = UiLibrary.report(server, "yt:livecard01", "A card that changes", "Chan", "youtube", "Art", "2025-01-01T00:00:00Z");
        UiLibrary.analysis(r).put("summary_image_ai2_url", first);
        UiLibrary.addVariant(r, first, "ai2", "2025-01-01T00:00:00Z", false);
        UiLibrary.addVariant(r, second, "ai2", "2025-01-02T00:00:00Z", false);
        server.place(r);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static int status(String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(server.base + path).toURL().openConnection();
            c.setConnectTimeout(3000);
            c.setReadTimeout(3000);
            c.setRequestProperty("Accept", "text/event-stream");
            int code = c.getResponseCode();
            c.disconnect();
            return code;
        } catch (IOException e) {
            return -1;
        }
    }

    @BeforeEach
    void openBrowser() {
        assertThat(status("/api/report-events")).as("GET /api/report-events").isEqualTo(200);
        browser = Browser.open(server.base);
        browser.go("/");
        browser.waitUntil("the cards", () -> !browser.cards().isEmpty());
        browser.waitUntil("live", () -> "live".equals(browser.driver.findElement(By.id("live-status")).getAttribute("data-state")));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void aReportIngestedThroughTheApiAppearsAsNewAndShowsOnRequest() {
        int before = browser.cards().size();
        server.ingest(UiLibrary.report(server, "yt:livecard02", "Fresh from the API", "Chan", "youtube", "Art", "2025-03-01T00:00:00Z"));
        WebElement pill = browser.driver.findElement(By.id("new-pill"));
        browser.waitUntil("new pill", pill::isDisplayed);
        assertThat(pill.getText()).isEqualTo("1 new summary — show");
        pill.click();
        browser.waitUntil("one card more", () -> browser.cards().size() == before + 1);
        assertThat(browser.cardTitles().get(0)).isEqualTo("Fresh from the API");
    }

    @Test
    void showingNewReportsRecountsTheFacetsWithTheWall() {
        server.ingest(UiLibrary.report(server, "reddit:garden01", "Raised beds in a small yard", "r/gardening", "reddit",
                "Gardening", "2025-02-02T00:00:00Z"));
        WebElement pill = browser.driver.findElement(By.id("new-pill"));
        browser.waitUntil("new pill", pill::isDisplayed);
        pill.click();
        browser.waitUntil("the new card is shown", () -> browser.cardTitles().contains("Raised beds in a small yard"));
        var facets = server.getJson("/api/filters");
        int total = browser.cards().size();
        browser.waitUntil("the sidebar counts the new report", () -> facetCount("category", "Gardening").equals("1"));
        assertThat(facetCount("source", "reddit")).isEqualTo(apiCount(facets.path("source"), "reddit"));
        assertThat(facetCount("source", "youtube")).isEqualTo(apiCount(facets.path("source"), "youtube"));
        assertThat(browser.driver.findElement(By.id("results-count")).getText()).isEqualTo(total + " summaries");
    }

    private String facetCount(String facet, String value) {
        var found = browser.driver.findElements(By.cssSelector("input[data-facet=" + facet + "][data-value=\"" + value + "\"]"));
        return found.isEmpty() ? "absent" : (String) browser.js(
                "return arguments[0].closest('.facet-option').querySelector('.facet-count').textContent", found.get(0));
    }

    private static String apiCount(com.fasterxml.jackson.databind.JsonNode rows, String value) {
        for (var row : rows) if (row.path("value").asText().equals(value)) return row.path("count").asText();
        return "absent";
    }

    @Test
    void aVariantSelectedThroughTheApiUpdatesTheCardInPlace() {
        browser.pickImageMode("ai2");
        assertThat(browser.shownImage("yt:livecard01")).isEqualTo("ai2 " + first);
        browser.js("document.querySelector('#wall .card[data-video-id=\"yt:livecard01\"]').dataset.marker = 'same-element'");
        var response = server.adminPost("/api/select-image-variant",
                server.object().put("video_id", "yt:livecard01").put("url", second).put("mode", "ai2").toString());
        assertThat(response.statusCode()).isEqualTo(200);
        browser.waitUntil("card shows the selected variant", () -> browser.thumb("yt:livecard01").getAttribute("src").endsWith(second));
        assertThat(browser.shownImage("yt:livecard01")).isEqualTo("ai2 " + second);
        assertThat(browser.card("yt:livecard01").getAttribute("data-marker")).isEqualTo("same-element");
    }
}
