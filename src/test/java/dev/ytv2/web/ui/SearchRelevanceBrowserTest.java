package dev.ytv2.web.ui;

import dev.ytv2.support.BrowserTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A search in the dashboard is ranked by relevance, which the sort menu offers and the URL keeps. */
@BrowserTest
class SearchRelevanceBrowserTest {
    static final String PASTA = "r/Cooking: Day 20 of learning homemade pasta";
    static final String DINNERS = "Weeknight dinners for busy people";
    static final String KNIVES = "Knife skills for beginners";
    @RegisterExtension
    static final BrowserSession session = new BrowserSession(SearchRelevanceBrowserTest::seed);

    private static Browser browser() {
        return session.browser();
    }

    static void seed(TestServer server) {
        // The title match is the oldest, so newest-first would put it last.
        server.ingest(UiLibrary.summarised(UiLibrary.report(server, "reddit:pasta20", PASTA, "r/Cooking", "reddit", "Cooking",
                "2025-01-01T00:00:00Z"), "Twenty days of rolling dough by hand, and what finally made it silky."));
        server.ingest(UiLibrary.summarised(UiLibrary.report(server, "yt:knives01", KNIVES, "Chef Lab", "youtube", "Cooking",
                "2025-01-03T00:00:00Z"), "How to hold a knife, with a short detour into cutting fresh pasta sheets."));
        server.ingest(UiLibrary.summarised(UiLibrary.report(server, "yt:dinners1", DINNERS, "Home Cook", "youtube", "Cooking",
                "2025-01-05T00:00:00Z"), "Five fast meals: a tray bake, a stir fry and a pasta with lemon."));
        server.ingest(UiLibrary.report(server, "web:sourdough", "Sourdough starter basics", "Bread Blog", "web", "Cooking",
                "2025-01-07T00:00:00Z"));
    }

    private Select sort() {
        return new Select(browser().driver.findElement(By.id("sort")));
    }

    private void waitForTitles(String what, List<String> titles) {
        browser().waitUntil(what + ": " + titles, () -> browser().cardTitles().equals(titles));
    }

    @Test
    void aSearchRanksTheTitleMatchFirstWithoutPuttingASortInTheUrl() {
        browser().go("/");
        waitForTitles("newest first", List.of("Sourdough starter basics", DINNERS, KNIVES, PASTA));
        assertThat(sort().getFirstSelectedOption().getText()).isEqualTo("Newest added");

        browser().driver.findElement(By.id("search")).sendKeys("pasta");
        waitForTitles("title match first, then the others newest first", List.of(PASTA, DINNERS, KNIVES));
        assertThat(browser().query()).isEqualTo("?q=pasta");
        assertThat(sort().getFirstSelectedOption().getText()).isEqualTo("Relevance");
    }

    @Test
    void anOrderPickedDuringASearchWinsAndSurvivesAReload() {
        browser().go("/?q=pasta");
        waitForTitles("relevance", List.of(PASTA, DINNERS, KNIVES));
        sort().selectByValue("added_desc");
        waitForTitles("newest added", List.of(DINNERS, KNIVES, PASTA));
        assertThat(browser().query()).isEqualTo("?q=pasta&sort=added_desc");

        browser().driver.navigate().refresh();
        waitForTitles("newest added after a reload", List.of(DINNERS, KNIVES, PASTA));
        assertThat(sort().getFirstSelectedOption().getAttribute("value")).isEqualTo("added_desc");

        sort().selectByValue("relevance");
        waitForTitles("relevance picked", List.of(PASTA, DINNERS, KNIVES));
        assertThat(browser().query()).isEqualTo("?q=pasta&sort=relevance");
    }

    @Test
    void aSortPickedBeforeSearchingStillWins() {
        browser().go("/?sort=title_asc");
        waitForTitles("A-Z", List.of(KNIVES, PASTA, "Sourdough starter basics", DINNERS));
        browser().driver.findElement(By.id("search")).sendKeys("pasta");
        waitForTitles("A-Z within the search", List.of(KNIVES, PASTA, DINNERS));
        assertThat(browser().query()).isEqualTo("?q=pasta&sort=title_asc");
        assertThat(sort().getFirstSelectedOption().getAttribute("value")).isEqualTo("title_asc");
    }

    @Test
    void relevanceIsOfferedOnlyWhileSearching() {
        browser().go("/?sort=relevance");
        waitForTitles("no search: newest first", List.of("Sourdough starter basics", DINNERS, KNIVES, PASTA));
        WebElement relevance = browser().driver.findElement(By.cssSelector("#sort option[value=relevance]"));
        assertThat(relevance.isEnabled()).isFalse();
        assertThat(sort().getFirstSelectedOption().getAttribute("value")).isEqualTo("added_desc");

        browser().driver.findElement(By.id("search")).sendKeys("pasta");
        waitForTitles("relevance", List.of(PASTA, DINNERS, KNIVES));
        assertThat(relevance.isEnabled()).isTrue();
    }
}
