package dev.ytv2.web.ui;

import dev.ytv2.support.BrowserTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a fresh browser loads the dashboard: every module it needs for the first cards is announced
 * in the page (so none waits for its importer to arrive), the reader and Manage Images are loaded
 * only when first used, and the first page of cards and its facets are asked for once each, before
 * the page's modules have all arrived: by the page itself without a query in its URL, else by
 * first-answers.js.
 */
@BrowserTest
class PageLoadBrowserTest {
    @RegisterExtension
    static final BrowserSession session = new BrowserSession(PageLoadBrowserTest::seed);

    static void seed(TestServer server) {
        server.ingest(UiLibrary.report(server, "yt:loadtalk01", "Bread and its crust", "Bakers", "youtube", "Cooking", "2025-01-01T00:00:00Z"));
        server.ingest(UiLibrary.report(server, "yt:loadtalk02", "Bread without yeast", "Bakers", "youtube", "Cooking", "2025-01-02T00:00:00Z"));
        server.ingest(UiLibrary.report(server, "yt:loadtalk03", "Bread in space", "Orbit", "youtube", "Science", "2025-01-03T00:00:00Z"));
        server.ingest(UiLibrary.report(server, "yt:loadtalk04", "Rockets explained", "Orbit", "youtube", "Science", "2025-01-04T00:00:00Z"));
    }

    private static Browser browser() {
        return session.browser();
    }

    /** Paths of the scripts the page has fetched so far (entries are written once a file is in). */
    @SuppressWarnings("unchecked")
    private static List<String> scriptsFetched() {
        return (List<String>) browser().js("""
                return performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname)
                  .filter((p) => p.startsWith('/static/') && p.endsWith('.js'));""");
    }

    @SuppressWarnings("unchecked")
    private static List<String> scriptsAnnounced() {
        return (List<String>) browser().js("""
                return Array.from(document.querySelectorAll('link[rel="modulepreload"], script[src]'))
                  .map((e) => new URL(e.href || e.src).pathname);""");
    }

    private static String file(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    void everyScriptTheFirstCardsNeedIsAnnouncedInThePage() {
        browser().go("/");
        browser().waitUntil("cards", () -> browser().cards().size() == 4);

        List<String> fetched = scriptsFetched();
        assertThat(fetched).extracting(PageLoadBrowserTest::file).contains("app.js", "wall.js", "cards.js", "first-answers.js");
        assertThat(scriptsAnnounced()).containsAll(fetched);
    }

    @Test
    void theReaderAndManageImagesAreFetchedOnlyWhenFirstUsed() {
        browser().go("/");
        browser().waitUntil("cards", () -> browser().cards().size() == 4);
        assertThat(scriptsAnnounced()).extracting(PageLoadBrowserTest::file).doesNotContain("reader.js", "manage-images.js", "manage-view.js");
        assertThat(scriptsFetched()).extracting(PageLoadBrowserTest::file).doesNotContain("reader.js", "manage-images.js", "manage-view.js");

        browser().click("#wall .card[data-video-id=\"yt:loadtalk03\"] .card-link");

        browser().waitUntil("the reader shows the report", () -> browser().driver.findElements(By.cssSelector("#reader[open] #reader-title"))
                .stream().anyMatch(h -> "Bread in space".equals(h.getDomProperty("textContent"))));
        assertThat(scriptsFetched()).extracting(PageLoadBrowserTest::file).contains("reader.js").doesNotContain("manage-images.js");
        assertThat(browser().query()).isEqualTo("?report=yt%3Aloadtalk03");
    }

    @Test
    void aDeepLinkOpensTheReaderOnceItsModulesArrive() {
        browser().go("/?q=bread&report=yt%3Aloadtalk02");

        browser().waitUntil("the reader shows the report", () -> browser().driver.findElements(By.cssSelector("#reader[open] #reader-title"))
                .stream().anyMatch(h -> "Bread without yeast".equals(h.getDomProperty("textContent"))));
        browser().driver.findElement(By.cssSelector("#reader .reader-close")).click();
        browser().waitUntil("the reader closes", () -> browser().driver.findElements(By.cssSelector("#reader[open]")).isEmpty());
        assertThat(browser().query()).isEqualTo("?q=bread");
    }

    @Test
    void withoutAQueryTheFirstPageAndItsFacetsAreFetchedByThePageItselfAndUsedAsTheyCame() {
        browser().go("/");
        browser().waitUntil("four cards and the facets", () -> browser().cards().size() == 4
                && !browser().driver.findElements(By.cssSelector("#facets-body details")).isEmpty());

        assertThat(browser().cardTitles()).containsExactly("Rockets explained", "Bread in space", "Bread without yeast", "Bread and its crust");
        // Announced in the page (link rel=preload), so fetched while the scripts still load; had the
        // scripts asked for anything else, they would have fetched it themselves (initiator "fetch").
        Object asked = browser().js("""
                return performance.getEntriesByType('resource').map((r) => [new URL(r.name), r.initiatorType])
                  .filter(([u]) => u.pathname === '/api/reports' || u.pathname === '/api/filters')
                  .map(([u, by]) => u.pathname + u.search + ' by ' + by);""");
        assertThat(asked).asList().containsExactlyInAnyOrder(
                "/api/reports?sort=added_desc&page=1&size=24&fields=card by link", "/api/filters by link");
    }

    @Test
    void theFirstPageAndItsFacetsAreAskedForOnceEvenWithAQueryInTheUrl() {
        browser().go("/?q=bread&category=Cooking&sort=title_asc");
        browser().waitUntil("two cards and the facets", () -> browser().cards().size() == 2
                && !browser().driver.findElements(By.cssSelector("#facets-body details")).isEmpty());

        assertThat(browser().cardTitles()).containsExactly("Bread and its crust", "Bread without yeast");
        // A first request that differed from the one the wall and the filters then make would be
        // wasted, and they would ask again: two requests for the same page.
        Object asked = browser().js("""
                const api = performance.getEntriesByType('resource').map((r) => new URL(r.name))
                  .filter((u) => u.pathname === '/api/reports' || u.pathname === '/api/filters');
                return api.map((u) => u.pathname + u.search);""");
        assertThat(asked).asList().containsExactlyInAnyOrder(
                "/api/reports?q=bread&category=Cooking&sort=title_asc&page=1&size=24&fields=card",
                "/api/filters?q=bread&category=Cooking");
    }
}
