package dev.ytv2.web.ui;

import dev.ytv2.support.BrowserTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class DashboardBrowsingTest {
    static TestServer server;
    Browser browser;

    @BeforeAll
    static void seed() {
        server = TestServer.start();
        server.ingest(UiLibrary.report(server, "yt:sourdough01", "Sourdough starter basics", "Bread Lab", "youtube", "Cooking", "2025-01-01T00:00:00Z"));
        server.ingest(UiLibrary.report(server, "reddit:homelab1", "My homelab rack tour", "r/homelab", "reddit", "Technology", "2025-01-02T00:00:00Z"));
        server.ingest(UiLibrary.report(server, "web:bread0001", "A history of bread", "Bread Blog", "web", "Cooking", "2025-01-03T00:00:00Z"));
        for (int i = 1; i <= 27; i++) {
            server.ingest(UiLibrary.report(server, "yt:filler" + String.format("%04d", i), "Filler talk number " + i, "Talks", "youtube",
                    "Science", String.format("2024-06-%02dT00:00:00Z", i)));
        }
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

    private void waitForCards(int n) {
        browser.waitUntil(n + " cards", () -> browser.cards().size() == n);
    }

    @Test
    void theLibraryLoadsOnePageAndMoreAsYouScroll() {
        browser.go("/");
        waitForCards(24);
        assertThat(browser.driver.findElement(By.id("results-count")).getText()).isEqualTo("30 summaries");
        assertThat(browser.cardTitles().get(0)).isEqualTo("A history of bread");
        browser.js("window.scrollTo(0, document.body.scrollHeight)");
        waitForCards(30);
    }

    @Test
    void searchNarrowsTheWallAndLivesInTheUrl() {
        browser.go("/");
        waitForCards(24);
        browser.driver.findElement(By.tagName("body")).sendKeys("/");
        WebElement search = browser.driver.switchTo().activeElement();
        assertThat(search.getAttribute("id")).isEqualTo("search");
        search.sendKeys("sourdough");
        waitForCards(1);
        assertThat(browser.cardTitles()).containsExactly("Sourdough starter basics");
        assertThat(browser.query()).isEqualTo("?q=sourdough");
    }

    @Test
    void aFacetFilterNarrowsTheWallAndShowsAChipThatRemovesIt() {
        browser.go("/");
        waitForCards(24);
        // The facets are drawn after the wall, from their own request: a click may meet the old ones.
        browser.click("input[data-facet=source][data-value=reddit]");
        waitForCards(1);
        assertThat(browser.cardTitles()).containsExactly("My homelab rack tour");
        WebElement chip = browser.driver.findElement(By.cssSelector("#chips .chip-active[data-facet=source]"));
        assertThat(chip.getDomProperty("textContent")).contains("Reddit");
        assertThat(browser.query()).isEqualTo("?source=reddit");
        chip.click();
        waitForCards(24);
        assertThat(browser.driver.findElements(By.cssSelector("#chips .chip-active"))).isEmpty();
    }

    @Test
    void everySortOrdersTheWallAsAsked() {
        browser.go("/?q=bread");
        waitForCards(2);
        new Select(browser.driver.findElement(By.id("sort"))).selectByValue("title_asc");
        browser.waitUntil("title order", () -> browser.query().contains("sort=title_asc"));
        browser.waitUntil("sorted A-Z", () -> browser.cardTitles().equals(List.of("A history of bread", "Sourdough starter basics")));
        new Select(browser.driver.findElement(By.id("sort"))).selectByValue("title_desc");
        browser.waitUntil("sorted Z-A", () -> browser.cardTitles().equals(List.of("Sourdough starter basics", "A history of bread")));
        new Select(browser.driver.findElement(By.id("sort"))).selectByValue("added_asc");
        browser.waitUntil("oldest added first", () -> browser.cardTitles().equals(List.of("Sourdough starter basics", "A history of bread")));
        List<String> offered = new ArrayList<>();
        new Select(browser.driver.findElement(By.id("sort"))).getOptions().forEach(o -> offered.add(o.getAttribute("value")));
        assertThat(offered).containsExactly("relevance", "added_desc", "added_asc", "published_desc", "published_asc", "title_asc", "title_desc",
                "duration_asc", "duration_desc");
    }

    @Test
    void backAndForwardRestoreTheView() {
        browser.go("/");
        waitForCards(24);
        browser.driver.findElement(By.id("search")).sendKeys("bread", Keys.ENTER);
        waitForCards(2);
        // The facets are drawn after the wall, from their own request: a click may meet the old ones.
        browser.click("input[data-facet=source][data-value=web]");
        waitForCards(1);
        browser.driver.navigate().back();
        waitForCards(2);
        assertThat(browser.query()).isEqualTo("?q=bread");
        assertThat(browser.driver.findElement(By.cssSelector("input[data-facet=source][data-value=web]")).isSelected()).isFalse();
        browser.driver.navigate().back();
        waitForCards(24);
        assertThat(browser.driver.findElement(By.id("search")).getAttribute("value")).isEmpty();
        browser.driver.navigate().forward();
        waitForCards(2);
        assertThat(browser.driver.findElement(By.id("search")).getAttribute("value")).isEqualTo("bread");
        browser.driver.navigate().forward();
        waitForCards(1);
        assertThat(browser.cardTitles()).containsExactly("A history of bread");
    }

    @Test
    void theReaderShowsEveryVariantAsATabAndHasItsOwnUrl() {
        browser.go("/?q=sourdough");
        waitForCards(1);
        browser.driver.findElement(By.cssSelector(".card-link")).click();
        browser.waitUntil("reader tabs", () -> browser.driver.findElements(By.cssSelector("#reader .tab")).size() == 2);
        assertThat(browser.query()).isEqualTo("?q=sourdough&report=yt%3Asourdough01");
        List<WebElement> tabs = browser.driver.findElements(By.cssSelector("#reader .tab"));
        // The reader fades in; its tabs have no rendered text until they are visible.
        browser.waitUntil("tab labels", () -> tabs.stream().map(WebElement::getText).toList()
                .equals(List.of("Comprehensive", "Bullet points")));
        WebElement body = browser.driver.findElement(By.cssSelector("#reader .summary-body"));
        browser.waitUntil("summary shown", () -> body.getText().equals("The long summary of Sourdough starter basics"));
        tabs.get(1).click();
        assertThat(body.findElement(By.tagName("li")).getText()).isEqualTo("Point about Sourdough starter basics");
        assertThat(browser.driver.findElement(By.cssSelector("#reader .reader-actions a")).getAttribute("href"))
                .isEqualTo("https://example.com/yt:sourdough01");

        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        browser.waitUntil("reader closed", () -> !browser.driver.findElement(By.id("reader")).isDisplayed());
        // Closing a reader opened in the page goes back in history, which the browser does asynchronously.
        browser.waitUntil("the reader leaves the URL", () -> browser.query().equals("?q=sourdough"));

        browser.go("/?report=web%3Abread0001");
        browser.waitUntil("deep link opens the reader", () -> browser.driver.findElements(By.cssSelector("#reader .tab")).size() == 2);
        browser.waitUntil("reader title", () -> browser.driver.findElement(By.id("reader-title")).getText().equals("A history of bread"));
    }

    @Test
    void keysMoveBetweenCardsAndEnterOpensOne() {
        browser.go("/?q=bread");
        waitForCards(2);
        List<String> titles = browser.cardTitles();
        WebElement body = browser.driver.findElement(By.tagName("body"));
        body.sendKeys("j");
        assertThat(browser.driver.switchTo().activeElement().getDomProperty("textContent")).isEqualTo(titles.get(0));
        browser.driver.switchTo().activeElement().sendKeys("j");
        assertThat(browser.driver.switchTo().activeElement().getDomProperty("textContent")).isEqualTo(titles.get(1));
        browser.driver.switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        assertThat(browser.driver.switchTo().activeElement().getDomProperty("textContent")).isEqualTo(titles.get(0));
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waitUntil("reader open", () -> browser.driver.findElements(By.cssSelector("#reader .tab")).size() == 2);
        browser.waitUntil("reader title", () -> browser.driver.findElement(By.id("reader-title")).getText().equals(titles.get(0)));
    }
}
