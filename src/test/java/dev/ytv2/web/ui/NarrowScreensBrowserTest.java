package dev.ytv2.web.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.support.BrowserTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What has to fit from a 320 px phone to a wide screen: the search placeholder, a card without an image. */
@BrowserTest
class NarrowScreensBrowserTest {
    static final String LONG_TITLE = "How public transit funding became so divisive in a city that once agreed on almost everything";
    @RegisterExtension
    static final BrowserSession session = new BrowserSession(NarrowScreensBrowserTest::seed);

    private static Browser browser() {
        return session.browser();
    }

    static void seed(TestServer server) {
        ObjectNode r = UiLibrary.report(server, "yt:noimage01", LONG_TITLE, "City Desk", "youtube", "Politics", "2025-01-02T00:00:00Z");
        r.putObject("media").put("has_audio", true);
        server.ingest(r);
    }

    private void openAt(int width) {
        browser().driver.manage().window().setSize(new Dimension(width, 800));
        browser().go("/");
        browser().waitUntil("the card", () -> browser().cards().size() == 1);
        assertThat(((Number) browser().js("return window.innerWidth")).intValue()).isEqualTo(width);
    }

    @ParameterizedTest
    @ValueSource(ints = {320, 390, 1440})
    void theSearchPlaceholderIsNeverCutOff(int width) {
        openAt(width);
        Map<?, ?> fit = (Map<?, ?>) browser().js("""
                const input = document.getElementById('search');
                const style = getComputedStyle(input);
                const ctx = document.createElement('canvas').getContext('2d');
                ctx.font = style.font;
                return { text: input.placeholder, width: ctx.measureText(input.placeholder).width,
                  room: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) };""");
        assertThat(((Number) fit.get("width")).doubleValue()).as("placeholder %s", fit).isLessThanOrEqualTo(((Number) fit.get("room")).doubleValue());
        assertThat(fit.get("text")).isEqualTo(width >= 390 ? "Search summaries" : "Search");
        assertThat(browser().driver.findElement(By.cssSelector("label[for=search]")).getDomProperty("textContent")).isEqualTo("Search summaries");
    }

    @ParameterizedTest
    @ValueSource(ints = {320, 390, 1440})
    void aCardWithoutAnImageKeepsItsPlaceholderTitleClearOfTheBadges(int width) {
        openAt(width);
        browser().waitUntil("the placeholder shows", () -> browser().card("yt:noimage01").getAttribute("class").contains("no-image"));
        Map<?, ?> overlap = (Map<?, ?>) browser().js("""
                const card = arguments[0];
                const box = (sel) => card.querySelector(sel).getBoundingClientRect();
                const media = box('.card-media'), title = box('.placeholder-title'), icon = box('.placeholder .icon');
                const hits = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
                return { audio: hits(title, box('.audio-badge')), duration: hits(title, box('.duration')),
                  inside: [title, icon].every((r) => r.top >= media.top && r.bottom <= media.bottom),
                  titleHeight: title.height };""", browser().card("yt:noimage01"));
        assertThat(overlap.get("audio")).as("title under the audio badge: %s", overlap).isEqualTo(false);
        assertThat(overlap.get("duration")).as("title under the duration: %s", overlap).isEqualTo(false);
        assertThat(overlap.get("inside")).as("title and icon inside the image area: %s", overlap).isEqualTo(true);
        assertThat(((Number) overlap.get("titleHeight")).doubleValue()).isGreaterThan(20);
    }
}
