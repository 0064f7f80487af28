package dev.ytv2.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Paging through a search whose word is in most reports, and one in only a few. */
@DbTest
class SearchPagingTest {
    static final int REPORTS = 60;
    static TestServer server;
    static final List<String> titled = new ArrayList<>();
    static final List<String> untitledNewestFirst = new ArrayList<>();

    @BeforeAll
    static void seed() {
        server = TestServer.start();
        Instant base = Instant.parse("2025-03-01T00:00:00Z");
        for (int i = 0; i < REPORTS; i++) {
            String id = "yt:lantern%04d".formatted(i);
            boolean inTitle = i % 6 == 0;
            String title = inTitle ? "The lantern makers, part " + i : "Harbour notes " + i;
            String body = "Every harbour keeps a lantern lit." + (i % 20 == 7 ? " A quokka visited." : "");
            server.ingest(Fixtures.report(server, id, title, "Harbour Channel", "youtube", "Travel", "Ports", "en",
                    "Explainer", 300, "2024-01-01T00:00:00Z", base.plusSeconds(60L * i).toString(), body));
            if (inTitle) titled.add(id);
            else untitledNewestFirst.add(0, id);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<String> ids(String query) {
        List<String> out = new ArrayList<>();
        server.getJson("/api/reports" + query).get("reports").forEach(r -> out.add(r.get("video_id").asText()));
        return out;
    }

    @Test
    void everyPageOfACommonWordTogetherListsEachMatchOnceTitleMatchesFirst() {
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 9; page++) paged.addAll(ids("?q=lantern&size=7&page=" + page));
        assertThat(paged).hasSize(REPORTS).doesNotHaveDuplicates();
        assertThat(paged.subList(0, titled.size())).containsExactlyInAnyOrderElementsOf(titled);
        assertThat(paged.subList(titled.size(), REPORTS)).containsExactlyElementsOf(untitledNewestFirst);
        JsonNode pagination = server.getJson("/api/reports?q=lantern&size=7&page=9").get("pagination");
        assertThat(pagination.get("total").asInt()).isEqualTo(REPORTS);
        assertThat(pagination.get("pages").asInt()).isEqualTo(9);
    }

    @Test
    void aRareWordListsItsFewMatchesNewestFirst() {
        assertThat(ids("?q=quokka")).containsExactly("yt:lantern0047", "yt:lantern0027", "yt:lantern0007");
        assertThat(ids("?q=quokka&size=2&page=2")).containsExactly("yt:lantern0007");
    }
}
