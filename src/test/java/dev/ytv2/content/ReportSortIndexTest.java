package dev.ytv2.content;

import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sort a page can ask for reads its order from an index: with sorting priced out, the plan of
 * a page of the whole library holds no Sort step. (A descending sort with nulls last cannot read an
 * ascending index backwards; without its own index it sorted every matching row per page.)
 */
@DbTest
class ReportSortIndexTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everySortIsReadFromAnIndex() {
        for (ReportSort sort : ReportSort.values()) {
            String plan = server.running.database().jdbi().inTransaction(h -> {
                h.execute("SET LOCAL enable_sort = off");
                h.execute("SET LOCAL enable_seqscan = off");
                List<String> lines = h.createQuery("EXPLAIN SELECT r.video_id FROM report_index r ORDER BY "
                        + sort.orderBy() + " LIMIT 24 OFFSET 48").mapTo(String.class).list();
                return String.join("\n", lines);
            });
            assertThat(plan).as("plan of %s", sort.param()).contains("Index").doesNotContain("Sort");
        }
    }
}
