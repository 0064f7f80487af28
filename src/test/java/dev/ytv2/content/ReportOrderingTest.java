package dev.ytv2.content;

import dev.ytv2.content.ReportStore.Paging;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages cut from a filter's whole ordering (deep pages, searches with few matches) are the pages
 * PostgreSQL's LIMIT/OFFSET and the two-part relevance ranking give: same reports, same order,
 * each match once, and a change to the library shows at once.
 */
@DbTest
class ReportOrderingTest {
    static final int REPORTS = 70;
    static final Paging ALWAYS_WHOLE = new Paging(0, Long.MAX_VALUE, Long.MAX_VALUE);
    static final Paging NEVER_WHOLE = new Paging(Long.MAX_VALUE, 0, 0);
    static TestServer server;

    @BeforeAll
    static void seed() {
        server = TestServer.start();
        Instant base = Instant.parse("2025-03-01T00:00:00Z");
        String[] sources = {"youtube", "web", "reddit"};
        for (int i = 0; i < REPORTS; i++) {
            // Titles repeat, durations and dates collide: ties must break the same way on both paths.
            String title = (i % 5 == 0 ? "Lantern keepers of the harbour " : i % 7 == 0 ? "Harbour lantern, lantern light " : "Tide tables ")
                    + (i % 9);
            String body = "The harbour at dawn." + (i % 3 == 0 ? " A lantern was lit." : "") + (i % 4 == 0 ? " Gulls circled." : "");
            server.ingest(Fixtures.report(server, "yt:order%04d".formatted(i), title, "Channel " + (i % 4), sources[i % 3],
                    i % 2 == 0 ? "Travel" : "History", "Ports", i % 6 == 0 ? "de" : "en", "Explainer", 60 * (i % 8),
                    "2024-01-%02dT00:00:00Z".formatted(1 + i % 10), base.plusSeconds(60L * (i % 35)).toString(), body));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> allPages(ReportStore store, String query, int size) {
        List<String> ids = new ArrayList<>();
        long total = -1;
        for (int page = 1; page <= REPORTS / size + 2; page++) {
            ReportStore.Page p = store.list(request(query + "&size=" + size + "&page=" + page));
            if (total >= 0) assertThat(p.total()).as("total of page %d of %s", page, query).isEqualTo(total);
            total = p.total();
            p.rows().forEach(r -> ids.add(r.videoId()));
        }
        assertThat(ids).as(query).hasSize((int) total).doesNotHaveDuplicates();
        return ids;
    }

    static ReportRequest request(String query) {
        Map<String, List<String>> params = new java.util.LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            String[] kv = pair.split("=", 2);
            params.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
        }
        return ReportRequest.parse(params);
    }

    static ReportStore store(Paging paging) {
        return new ReportStore(server.running.database().jdbi(), server.running.database().dataSource(), paging);
    }

    @Test
    void everySortAndFilterPagesTheSameFromTheWholeOrderingAsWithOffsets() {
        ReportStore whole = store(ALWAYS_WHOLE);
        ReportStore offsets = store(NEVER_WHOLE);
        List<String> queries = new ArrayList<>();
        for (ReportSort sort : ReportSort.values()) {
            if (sort == ReportSort.RELEVANCE) continue;
            queries.add("sort=" + sort.param());
            queries.add("sort=" + sort.param() + "&source=web&category=Travel");
        }
        queries.add("q=lantern");
        queries.add("q=harbour lantern");
        queries.add("q=lantern -gulls");
        queries.add("q=\"harbour lantern\"");
        queries.add("q=lantern&language=en&source=youtube");
        queries.add("q=lantern&sort=title_desc");
        for (String query : queries) {
            for (int size : new int[] {1, 7, 24}) {
                assertThat(allPages(whole, query, size)).as("%s, pages of %d", query, size)
                        .isNotEmpty()
                        .containsExactlyElementsOf(allPages(offsets, query, size));
            }
        }
    }

    @Test
    void aSearchOverTheRankingCapPagesTheSameWhateverItsFiltersLeave() {
        // "lantern" matches about 30 reports: over a cap of 8 alone, under it with some filters, and
        // with others none of the first 9 the capped ranking reads may be left.
        ReportStore capped = store(new Paging(Long.MAX_VALUE, 0, 8));
        ReportStore offsets = store(NEVER_WHOLE);
        for (String query : List.of("q=lantern", "q=lantern&language=de&channel=Channel 0", "q=lantern&channel=Channel 1&category=History",
                "q=gulls", "q=lantern&source=web&channel=Channel 2", "q=nothingmatches")) {
            for (int size : new int[] {1, 5}) {
                assertThat(allPages(capped, query, size)).as("%s, pages of %d", query, size)
                        .containsExactlyElementsOf(allPages(offsets, query, size));
            }
        }
        assertThat(allPages(capped, "q=lantern&language=de&channel=Channel 0", 5)).as("few left by the filters").isNotEmpty().hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void aSearchRankedWholeListsTitleMatchesFirstThenTheRestNewestFirst() {
        List<String> ids = allPages(store(ALWAYS_WHOLE), "q=lantern", 5);
        List<String> titled = server.running.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT video_id FROM content WHERE title ILIKE '%lantern%'").mapTo(String.class).list());
        assertThat(titled).isNotEmpty();
        assertThat(ids.subList(0, titled.size())).containsExactlyInAnyOrderElementsOf(titled);
        assertThat(ids.subList(titled.size(), ids.size())).isNotEmpty().doesNotContainAnyElementsOf(titled);
    }

    @Test
    void aDeepPageCutFromTheOrderingShowsANewReportAtOnce() {
        ReportStore whole = store(ALWAYS_WHOLE);
        List<String> before = allPages(whole, "sort=added_desc", 10);
        String id = "yt:order-newest";
        server.ingest(Fixtures.report(server, id, "Lantern newest", "Channel 9", "youtube", "Travel", "Ports", "en",
                "Explainer", 60, "2024-02-01T00:00:00Z", "2026-01-01T00:00:00Z", "The newest lantern."));
        try {
            List<String> after = allPages(whole, "sort=added_desc", 10);
            assertThat(after.get(0)).isEqualTo(id);
            assertThat(after.subList(1, after.size())).containsExactlyElementsOf(before);
            assertThat(allPages(whole, "q=lantern", 4)).contains(id);
        } finally {
            assertThat(server.delete("/api/reports/" + id, "Authorization", "Bearer " + TestServer.ADMIN).statusCode()).isEqualTo(200);
        }
    }

    /**
     * Every sort a page can ask for reads its order from an index: with sorting priced out, the plan
     * of a page of the whole library holds no Sort step. (A descending sort with nulls last cannot
     * read an ascending index backwards; without its own index it sorted every matching row per page.)
     */
    @Test
    void everySortIsReadFromAnIndex() {
        for (ReportSort sort : ReportSort.values()) {
            String plan = server.running.database().jdbi().inTransaction(h -> {
                h.execute("SET LOCAL enable_sort = off");
                h.execute("SET LOCAL enable_seqscan = off");
                return String.join("\n", h.createQuery("EXPLAIN SELECT r.video_id FROM report_index r ORDER BY "
                        + sort.orderBy() + " LIMIT 24 OFFSET 48").mapTo(String.class).list());
            });
            assertThat(plan).as("plan of %s", sort.param()).contains("Index").doesNotContain("Sort");
        }
    }
}
