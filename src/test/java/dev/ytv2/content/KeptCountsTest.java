package dev.ytv2.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Facet counts and list totals kept per filter and brought up to date by the logged changes are
 * the counts a fresh count gives, after ingests, re-ingests that move a report between values, deletions and direct
 * SQL, without counting the library again; counts older than the log are counted again.
 */
@DbTest
class KeptCountsTest {
    TestServer server;
    Jdbi jdbi;
    FacetStore kept;

    static final List<String> FILTERS = List.of("", "source=web", "category=Travel", "language=de&source=youtube",
            "has_audio=false", "channel=Channel%202", "summary_type=comprehensive&category=History", "subcategory=Ports");

    @BeforeEach
    void seed() {
        server = TestServer.start();
        jdbi = server.running.database().jdbi();
        for (int i = 0; i < 24; i++) ingest(i, i % 2 == 0 ? "Travel" : "History", i % 3 == 0 ? "web" : "youtube", i % 4 == 0 ? "de" : "en");
        kept = store();
        FILTERS.forEach(f -> kept.facets(filter(f)));
    }

    @AfterEach
    void stop() {
        kept.close();
        server.close();
    }

    FacetStore store() {
        return new FacetStore(jdbi);
    }

    void ingest(int i, String category, String source, String language) {
        ObjectNode r = Fixtures.report(server, "yt:facet%04d".formatted(i), "Report " + i, "Channel " + (i % 5), source, category,
                i % 2 == 0 ? "Ports" : "Castles", language, "Explainer", 60, "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z", "Text " + i);
        server.ingest(r);
    }

    static ReportFilter filter(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            String[] kv = pair.split("=", 2);
            params.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1].replace("%20", " "));
        }
        return ReportRequest.parse(params).filter();
    }

    void assertKeptCountsAreFreshCounts() {
        try (FacetStore fresh = store()) {
            for (String f : FILTERS) {
                assertThat(kept.facets(filter(f))).as("facets of '%s'", f).isEqualTo(fresh.facets(filter(f)));
            }
        }
    }

    @Test
    void ingestsMovesAndDeletionsAreSummedNotRecounted() {
        long whole = kept.wholeCounts();
        ingest(100, "Travel", "web", "de");                      // a new report
        ingest(3, "Travel", "youtube", "fr");                     // moved: category, source, language
        ingest(5, "History", "youtube", "en");                    // re-ingested as it was
        assertThat(server.delete("/api/reports/yt:facet0008", "Authorization", "Bearer " + TestServer.ADMIN).statusCode()).isEqualTo(200);
        jdbi.useHandle(h -> h.execute("UPDATE content SET has_audio = true WHERE video_id = 'yt:facet0010'"));

        assertKeptCountsAreFreshCounts();
        assertThat(kept.wholeCounts()).as("whole counts after the first asks").isEqualTo(whole);
        FacetStore.Facets all = kept.facets(filter(""));
        assertThat(all.languages()).contains(new FacetStore.Count<>("fr", 1L));
        assertThat(all.hasAudio()).contains(new FacetStore.Count<>(true, 1L));
    }

    @Test
    void listTotalsFollowTheSameChanges() {
        ReportStore reports = new ReportStore(jdbi, server.running.database().dataSource());
        Map<String, Long> before = new LinkedHashMap<>();
        for (String f : FILTERS) before.put(f, reports.list(request(f)).total());
        ingest(100, "Travel", "web", "de");
        ingest(4, "Travel", "web", "fr");                         // from youtube
        assertThat(server.delete("/api/reports/yt:facet0008", "Authorization", "Bearer " + TestServer.ADMIN).statusCode()).isEqualTo(200);
        jdbi.useHandle(h -> h.execute("UPDATE content SET has_audio = true WHERE video_id = 'yt:facet0010'"));

        ReportStore fresh = new ReportStore(jdbi, server.running.database().dataSource());
        for (String f : FILTERS) {
            assertThat(reports.list(request(f)).total()).as("total of '%s'", f).isEqualTo(fresh.list(request(f)).total());
        }
        assertThat(reports.list(request("source=web")).total()).isEqualTo(before.get("source=web") + 2);
        assertThat(reports.list(request("has_audio=false")).total()).isEqualTo(before.get("has_audio=false") - 1);   // +1 new, -1 deleted, -1 given audio
    }

    static ReportRequest request(String query) {
        return new ReportRequest(filter(query), ReportSort.ADDED_DESC, 1, 24);
    }

    @Test
    void countsOlderThanTheLogAreCountedAgain() {
        ingest(200, "Travel", "web", "en");
        kept.facets(filter(""));
        long whole = kept.wholeCounts();
        String now = jdbi.withHandle(h -> h.createQuery("SELECT pg_current_xact_id()::text").mapTo(String.class).one());
        ingest(201, "History", "reddit", "es");
        new IndexChangeLog(jdbi, java.time.Duration.ofMinutes(10)).pruneBelow(now);
        ingest(202, "History", "reddit", "es");

        assertKeptCountsAreFreshCounts();
        assertThat(kept.wholeCounts()).as("whole counts after the log was cut").isGreaterThan(whole);
        assertThat(kept.facets(filter("")).sources()).contains(new FacetStore.Count<>("reddit", 2L));
    }
}
