package dev.ytv2.web.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.support.BrowserTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class ImageModesBrowserTest {
    static TestServer server;
    static String og, a1, ai2Old, ai2New, ai2Starred, onlyOg, lonelyA1;
    Browser browser;

    @BeforeAll
    static void seed() {
        server = TestServer.start();
        og = UiLibrary.image(server, "og", Color.RED);
        a1 = UiLibrary.image(server, "a1", Color.GREEN);
        ai2Old = UiLibrary.image(server, "ai2-old", Color.BLUE);
        ai2New = UiLibrary.image(server, "ai2-new", Color.CYAN);
        ai2Starred = UiLibrary.image(server, "ai2-starred", Color.MAGENTA);
        onlyOg = UiLibrary.image(server, "only-og", Color.ORANGE);
        lonelyA1 = UiLibrary.image(server, "lonely-a1", Color.PINK);

        ObjectNode full = UiLibrary.report(server, "yt:everything", "Every image kind", "Chan", "youtube", "Art", "2025-01-04T00:00:00Z");
        full.put("thumbnail_url", og);
        UiLibrary.analysis(full).put("summary_image_selected_url", a1).put("summary_image_ai2_url", ai2Old);
        UiLibrary.addVariant(full, a1, "ai1", "2025-01-01T00:00:00Z", false);
        UiLibrary.addVariant(full, ai2Starred, "ai2", "2025-01-01T00:00:00Z", true);
        UiLibrary.addVariant(full, ai2Old, "ai2", "2025-01-02T00:00:00Z", false);
        UiLibrary.addVariant(full, ai2New, "ai2", "2025-01-03T00:00:00Z", false);
        UiLibrary.addVariant(full, "/exports/images/ui/deleted.png", "ai2", "2025-01-05T00:00:00Z", false);
        ((ObjectNode) UiLibrary.analysis(full).get("summary_image_variants").get(4)).put("deleted_at", "2025-01-06T00:00:00Z");
        server.place(full);

        ObjectNode thumbOnly = UiLibrary.report(server, "yt:thumbonly", "Only a thumbnail", "Chan", "youtube", "Art", "2025-01-03T00:00:00Z");
        thumbOnly.put("thumbnail_url", onlyOg);
        server.place(thumbOnly);

        ObjectNode prefersA1 = UiLibrary.report(server, "web:prefersa1", "Prefers its A1 image", "Blog", "web", "Art", "2025-01-02T00:00:00Z");
        prefersA1.put("thumbnail_url", "/exports/images/ui/missing.png");
        UiLibrary.analysis(prefersA1).put("summary_image_selected_url", lonelyA1).put("summary_image_display_mode", "ai1");
        server.place(prefersA1);

        server.ingest(UiLibrary.report(server, "web:noimage", "No image at all", "Blog", "web", "Art", "2025-01-01T00:00:00Z"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(server.base);
        browser.go("/");
        browser.waitUntil("4 cards", () -> browser.cards().size() == 4);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void ogShowsThumbnailsAndFallsBackWhenOneIsMissingOrBroken() {
        assertThat(browser.shownImage("yt:everything")).isEqualTo("og " + og);
        assertThat(browser.shownImage("yt:thumbonly")).isEqualTo("og " + onlyOg);
        // its thumbnail answers 404: the card falls back to A1 instead of a broken image
        assertThat(browser.shownImage("web:prefersa1")).isEqualTo("ai1 " + lonelyA1);
        assertThat(browser.shownImage("web:noimage")).isEqualTo("none ");
        assertThat(browser.card("web:noimage").getAttribute("class")).contains("no-image");
        assertThat(browser.thumb("yt:everything").getAttribute("data-ai1-url")).isEqualTo(a1);
        assertThat(browser.thumb("yt:everything").getAttribute("data-ai2-url")).isEqualTo(ai2Old);
    }

    @Test
    void a1Ai2AndDefaultEachPickTheirImage() {
        browser.pickImageMode("a1");
        assertThat(browser.shownImage("yt:everything")).isEqualTo("ai1 " + a1);
        assertThat(browser.shownImage("yt:thumbonly")).isEqualTo("og " + onlyOg);
        browser.pickImageMode("ai2");
        assertThat(browser.shownImage("yt:everything")).isEqualTo("ai2 " + ai2Old);
        assertThat(browser.shownImage("web:prefersa1")).isEqualTo("ai1 " + lonelyA1);
        browser.pickImageMode("default");
        assertThat(browser.shownImage("yt:everything")).isEqualTo("og " + og);
        assertThat(browser.shownImage("web:prefersa1")).isEqualTo("ai1 " + lonelyA1);
        assertThat(browser.shownImage("web:noimage")).isEqualTo("none ");
    }

    @Test
    void rotateAdvancesOnReselectAndSurvivesAReload() {
        // OG, A1, then AI2 variants starred first, then newest first; the deleted one never
        List<String> rotation = List.of("og " + og, "ai1 " + a1, "ai2 " + ai2Starred, "ai2 " + ai2New, "ai2 " + ai2Old);
        long hash = UiLibrary.stableHash("yt:everything");
        browser.pickImageMode("rotate");
        assertThat(browser.shownImage("yt:everything")).isEqualTo(rotation.get((int) (hash % 5)));
        browser.pickImageMode("rotate");
        String advanced = rotation.get((int) ((1 + hash) % 5));
        assertThat(browser.shownImage("yt:everything")).isEqualTo(advanced);
        assertThat(browser.shownImage("yt:thumbonly")).isEqualTo("og " + onlyOg);

        browser.go("/");
        browser.waitUntil("4 cards", () -> browser.cards().size() == 4);
        assertThat(browser.shownImage("yt:everything")).isEqualTo(advanced);
        browser.pickImageMode("og");
        browser.pickImageMode("rotate");
        assertThat(browser.shownImage("yt:everything")).isEqualTo(rotation.get((int) ((2 + hash) % 5)));
    }
}
