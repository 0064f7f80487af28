package dev.ytv2.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DbTest
class ReportsApiTest {
    static TestServer server;

    @BeforeAll
    static void seed() {
        server = TestServer.start();
        TestServer s = server;
        s.ingest(Fixtures.report(s, "yt:aaaaaaaaaa1", "Rust ownership explained", "Code Cave", "youtube", "Programming",
                "Rust", "en", "Tutorial", 600, "2024-01-10T10:00:00Z", "2025-01-01T00:00:00Z", "Borrowing and lifetimes in depth."));
        s.ingest(Fixtures.report(s, "yt:aaaaaaaaaa2", "Sourdough starter basics", "Bake Lab", "youtube", "Cooking",
                "Bread", "en", "Tutorial", 1200, "2023-05-01T10:00:00Z", "2025-01-02T00:00:00Z", "Flour, water, patience. Rust never appears here except this word."));
        s.ingest(Fixtures.report(s, "reddit:bbb001", "r/homelab: my Proxmox cluster", "r/homelab", "reddit", "Technology",
                "Home Lab", "en", "Discussion", -1, "2024-06-01T10:00:00Z", "2025-01-03T00:00:00Z", "Three nodes, ceph storage and a quiet rack."));
        s.ingest(Fixtures.report(s, "web:ccc001", "Die Geschichte des Brotes", "Brot Blog", "web", "Cooking",
                "Bread", "de", "Explainer", -1, "2022-03-01T10:00:00Z", "2025-01-04T00:00:00Z", "Brot ist alt."));
        s.ingest(Fixtures.report(s, "yt:aaaaaaaaaa3", "Zig versus Rust for games", "Code Cave", "youtube", "Programming",
                "Zig", "en", "Review", 3000, "2024-11-20T10:00:00Z", "2025-01-05T00:00:00Z", "Comptime, allocators and more."));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> ids(String query) {
        JsonNode body = server.getJson("/api/reports" + query);
        List<String> out = new ArrayList<>();
        body.get("reports").forEach(r -> out.add(r.get("video_id").asText()));
        return out;
    }

    @Test
    void listsNewestAddedFirstWithAPaginationBlock() {
        JsonNode body = server.getJson("/api/reports");
        assertThat(ids("")).containsExactly("yt:aaaaaaaaaa3", "web:ccc001", "reddit:bbb001", "yt:aaaaaaaaaa2", "yt:aaaaaaaaaa1");
        JsonNode p = body.get("pagination");
        assertThat(p.get("page").asInt()).isEqualTo(1);
        assertThat(p.get("size").asInt()).isEqualTo(24);
        assertThat(p.get("total").asInt()).isEqualTo(5);
        assertThat(p.get("pages").asInt()).isEqualTo(1);
        assertThat(p.get("has_next").asBoolean()).isFalse();
        assertThat(p.get("has_prev").asBoolean()).isFalse();
    }

    @Test
    void rowsCarryTheCardFieldsButNeverWholeSummaries() {
        JsonNode row = server.getJson("/api/reports?ids=aaaaaaaaaa1").get("reports").get(0);
        assertThat(row.get("video_id").asText()).isEqualTo("yt:aaaaaaaaaa1");
        assertThat(row.get("channel").asText()).isEqualTo("Code Cave");
        assertThat(row.get("source_label").asText()).isEqualTo("YouTube");
        assertThat(row.get("analysis").get("category").get(0).asText()).isEqualTo("Programming");
        assertThat(row.get("analysis").get("subcategory").asText()).isEqualTo("Rust");
        assertThat(row.get("analysis").get("categories").get(0).get("subcategories").get(0).asText()).isEqualTo("Rust");
        assertThat(row.get("analysis").get("content_type").asText()).isEqualTo("Tutorial");
        assertThat(row.get("analysis").has("summary_image_variants")).isTrue();
        assertThat(row.get("summary_text").asText()).startsWith("Borrowing and lifetimes");
        assertThat(row.get("summary_variants").get(0).get("variant").asText()).isEqualTo("comprehensive");
        assertThat(row.get("summary_variants").get(0).has("html")).isFalse();
        assertThat(row.get("summary_variants").get(0).has("text")).isFalse();
        assertThat(row.get("media").get("has_audio").asBoolean()).isFalse();
    }

    @Test
    void everySortOrdersAsNamed() {
        assertThat(ids("?sort=added_asc")).containsExactly("yt:aaaaaaaaaa1", "yt:aaaaaaaaaa2", "reddit:bbb001", "web:ccc001", "yt:aaaaaaaaaa3");
        assertThat(ids("?sort=published_desc")).containsExactly("yt:aaaaaaaaaa3", "reddit:bbb001", "yt:aaaaaaaaaa1", "yt:aaaaaaaaaa2", "web:ccc001");
        assertThat(ids("?sort=published_asc")).containsExactly("web:ccc001", "yt:aaaaaaaaaa2", "yt:aaaaaaaaaa1", "reddit:bbb001", "yt:aaaaaaaaaa3");
        assertThat(ids("?sort=title_asc")).containsExactly("web:ccc001", "reddit:bbb001", "yt:aaaaaaaaaa1", "yt:aaaaaaaaaa2", "yt:aaaaaaaaaa3");
        assertThat(ids("?sort=title_desc")).containsExactly("yt:aaaaaaaaaa3", "yt:aaaaaaaaaa2", "yt:aaaaaaaaaa1", "reddit:bbb001", "web:ccc001");
        assertThat(ids("?sort=duration_asc").subList(0, 3)).containsExactly("yt:aaaaaaaaaa1", "yt:aaaaaaaaaa2", "yt:aaaaaaaaaa3");
        assertThat(ids("?sort=duration_desc").subList(0, 3)).containsExactly("yt:aaaaaaaaaa3", "yt:aaaaaaaaaa2", "yt:aaaaaaaaaa1");
    }

    @Test
    void eachFilterNarrowsAndRepeatedValuesAreOred() {
        assertThat(ids("?source=reddit")).containsExactly("reddit:bbb001");
        assertThat(ids("?source=reddit&source=web")).containsExactlyInAnyOrder("reddit:bbb001", "web:ccc001");
        assertThat(ids("?category=Cooking")).containsExactlyInAnyOrder("yt:aaaaaaaaaa2", "web:ccc001");
        assertThat(ids("?subcategory=Zig")).containsExactly("yt:aaaaaaaaaa3");
        assertThat(ids("?channel=Code%20Cave")).containsExactlyInAnyOrder("yt:aaaaaaaaaa1", "yt:aaaaaaaaaa3");
        assertThat(ids("?language=de")).containsExactly("web:ccc001");
        assertThat(ids("?content_type=Review")).containsExactly("yt:aaaaaaaaaa3");
        assertThat(ids("?summary_type=comprehensive")).hasSize(5);
        assertThat(ids("?summary_type=audio")).isEmpty();
        assertThat(ids("?has_audio=false")).hasSize(5);
        assertThat(ids("?has_audio=true")).isEmpty();
        assertThat(ids("?ids=aaaaaaaaaa1,reddit:bbb001")).containsExactlyInAnyOrder("yt:aaaaaaaaaa1", "reddit:bbb001");
        assertThat(ids("?date_from=2024-01-01&date_to=2024-06-01")).containsExactlyInAnyOrder("yt:aaaaaaaaaa1", "reddit:bbb001");
    }

    @Test
    void filtersCombineWithAnd() {
        assertThat(ids("?category=Cooking&language=en")).containsExactly("yt:aaaaaaaaaa2");
        assertThat(ids("?source=youtube&channel=Code%20Cave&content_type=Tutorial&sort=title_asc")).containsExactly("yt:aaaaaaaaaa1");
        assertThat(ids("?q=rust&category=Programming&sort=published_asc")).containsExactly("yt:aaaaaaaaaa1", "yt:aaaaaaaaaa3");
    }

    @Test
    void searchRanksATitleMatchAboveASummaryBodyMatch() {
        List<String> found = ids("?q=rust");
        assertThat(found).containsExactlyInAnyOrder("yt:aaaaaaaaaa1", "yt:aaaaaaaaaa2", "yt:aaaaaaaaaa3");
        assertThat(found.get(2)).isEqualTo("yt:aaaaaaaaaa2");
        assertThat(ids("?q=ceph")).containsExactly("reddit:bbb001");
        assertThat(ids("?q=Code%20Cave")).containsExactlyInAnyOrder("yt:aaaaaaaaaa1", "yt:aaaaaaaaaa3");
        assertThat(ids("?q=nothingmatchesthis")).isEmpty();
    }

    @Test
    void paginationEdges() {
        JsonNode first = server.getJson("/api/reports?size=2&page=1");
        assertThat(first.get("pagination").get("pages").asInt()).isEqualTo(3);
        assertThat(first.get("pagination").get("has_next").asBoolean()).isTrue();
        assertThat(first.get("pagination").get("has_prev").asBoolean()).isFalse();
        JsonNode last = server.getJson("/api/reports?size=2&page=3");
        assertThat(last.get("reports")).hasSize(1);
        assertThat(last.get("pagination").get("has_next").asBoolean()).isFalse();
        assertThat(last.get("pagination").get("has_prev").asBoolean()).isTrue();
        JsonNode beyond = server.getJson("/api/reports?size=2&page=9");
        assertThat(beyond.get("reports")).isEmpty();
        assertThat(beyond.get("pagination").get("total").asInt()).isEqualTo(5);
        List<String> all = new ArrayList<>();
        for (int page = 1; page <= 3; page++) all.addAll(ids("?size=2&page=" + page));
        assertThat(all).doesNotHaveDuplicates().hasSize(5);
        assertThat(server.getJson("/api/reports?size=100").get("reports")).hasSize(5);
    }

    @Test
    void facetsAreCountedUnderTheOtherActiveFilters() {
        JsonNode all = server.getJson("/api/filters");
        assertThat(count(all.get("source"), "youtube")).isEqualTo(3);
        assertThat(count(all.get("categories"), "Cooking")).isEqualTo(2);
        assertThat(count(all.get("languages"), "de")).isEqualTo(1);
        assertThat(count(all.get("has_audio"), "false")).isEqualTo(5);
        JsonNode cooking = all.get("categories").findValues("value").stream().anyMatch(v -> v.asText().equals("Cooking"))
                ? find(all.get("categories"), "Cooking") : null;
        assertThat(count(cooking.get("subcategories"), "Bread")).isEqualTo(2);

        JsonNode youtube = server.getJson("/api/filters?source=youtube");
        // The source facet ignores its own filter, so the other sources stay visible with their counts.
        assertThat(count(youtube.get("source"), "reddit")).isEqualTo(1);
        assertThat(count(youtube.get("source"), "youtube")).isEqualTo(3);
        // Every other facet is narrowed by it.
        assertThat(count(youtube.get("categories"), "Cooking")).isEqualTo(1);
        assertThat(count(youtube.get("channels"), "Code Cave")).isEqualTo(2);
        assertThat(count(youtube.get("channels"), "r/homelab")).isEqualTo(0);
        assertThat(count(youtube.get("content_type"), "Tutorial")).isEqualTo(2);

        JsonNode searched = server.getJson("/api/filters?q=rust");
        assertThat(count(searched.get("categories"), "Programming")).isEqualTo(2);
        assertThat(count(searched.get("summary_type"), "comprehensive")).isEqualTo(3);

        // A search with a filter: the category facet keeps its other values, the others are narrowed.
        JsonNode searchedInCategory = server.getJson("/api/filters?q=rust&category=Programming");
        assertThat(count(searchedInCategory.get("categories"), "Cooking")).isEqualTo(1);
        assertThat(count(searchedInCategory.get("categories"), "Programming")).isEqualTo(2);
        assertThat(count(searchedInCategory.get("channels"), "Code Cave")).isEqualTo(2);
        assertThat(count(searchedInCategory.get("channels"), "Bake Lab")).isEqualTo(0);
    }

    @Test
    void searchPagesRunThroughTitleMatchesThenTheRestWithoutGapsOrRepeats() {
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 4; page++) paged.addAll(ids("?q=rust&size=1&page=" + page));
        assertThat(paged).containsExactlyElementsOf(ids("?q=rust"));
        assertThat(paged).hasSize(3).endsWith("yt:aaaaaaaaaa2");
        // Page 2 of size 2 starts past both title matches, in the body matches.
        assertThat(ids("?q=rust&size=2&page=2")).containsExactly("yt:aaaaaaaaaa2");
        assertThat(server.getJson("/api/reports?q=rust&size=1&page=3").get("pagination").get("total").asInt()).isEqualTo(3);
        assertThat(ids("?q=rust&category=Cooking")).containsExactly("yt:aaaaaaaaaa2");
        // A negated word found only in the summary still excludes a report whose title matches.
        assertThat(ids("?q=sourdough%20-flour")).isEmpty();
        assertThat(ids("?q=rust%20-zig")).containsExactly("yt:aaaaaaaaaa1", "yt:aaaaaaaaaa2");
    }

    @Test
    void theDetailHasEveryVariantWithSanitisedHtmlAndBothIdFormsWork() {
        JsonNode bare = server.getJson("/api/reports/aaaaaaaaaa1");
        JsonNode prefixed = server.getJson("/api/reports/yt:aaaaaaaaaa1");
        assertThat(bare.get("video_id").asText()).isEqualTo("yt:aaaaaaaaaa1");
        assertThat(prefixed.get("title").asText()).isEqualTo(bare.get("title").asText());
        JsonNode variant = bare.get("summary_variants").get(0);
        assertThat(variant.get("variant").asText()).isEqualTo("comprehensive");
        assertThat(variant.get("html").asText()).isEqualTo("<p>Borrowing and lifetimes in depth.</p>");
        assertThat(variant.get("revision").asInt()).isEqualTo(1);
        assertThat(server.get("/api/reports/yt:doesnotexist").statusCode()).isEqualTo(404);
    }

    private static long count(JsonNode facet, String value) {
        JsonNode f = find(facet, value);
        return f == null ? 0 : f.get("count").asLong();
    }

    private static JsonNode find(JsonNode facet, String value) {
        for (JsonNode n : facet) if (n.get("value").asText().equals(value)) return n;
        return null;
    }
}
