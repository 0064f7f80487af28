package dev.ytv2.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.SemanticLibrary;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DbTest
class SemanticApiTest {
    static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.startWithWorker(env -> env.put("YTV2_EMBED_SWEEP_SECONDS", "0.2"));
        SemanticLibrary.seed(s);
        SemanticLibrary.awaitEmbedded(s, 6);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("reports").forEach(r -> out.add(r.path("video_id").asText()));
        return out;
    }

    @Test
    void aSearchByMeaningWithNoSharedWordFindsTheReport() {
        String query = q("baking bread");
        assertThat(ids(s.getJson("/api/reports?q=" + query))).isEmpty();
        JsonNode semantic = s.getJson("/api/reports?search=semantic&q=" + query);
        assertThat(semantic.path("search").path("mode").asText()).isEqualTo("semantic");
        assertThat(semantic.path("search").path("fallback").isNull()).isTrue();
        assertThat(ids(semantic).get(0)).isEqualTo("yt:sourdough01");
        assertThat(semantic.path("reports").get(0).path("score").asDouble()).isBetween(0.0, 1.0);
        JsonNode hybrid = s.getJson("/api/reports?search=hybrid&q=" + query);
        assertThat(ids(hybrid).get(0)).isEqualTo("yt:sourdough01");
        assertThat(hybrid.path("reports").get(0).has("rrf_score")).isTrue();
        assertThat(s.get("/api/reports?search=hybrid&q=" + query).headers().firstValue("Server-Timing"))
                .hasValueSatisfying(t -> assertThat(t).contains("queued;dur=", "embed;dur=", "index;dur=", "keyword;dur=", "rows;dur="));
    }

    @Test
    void filtersApplyToSemanticAndHybridSearch() {
        JsonNode reddit = s.getJson("/api/reports?search=semantic&source=reddit&q=" + q("cooking dinner"));
        assertThat(ids(reddit)).isNotEmpty().allMatch(id -> id.startsWith("reddit:"));
        assertThat(ids(reddit).get(0)).isEqualTo("reddit:pasta01");
        assertThat(reddit.path("pagination").path("total").asInt()).isEqualTo(ids(reddit).size());
        JsonNode paged = s.getJson("/api/reports?search=hybrid&size=2&page=2&q=" + q("coffee"));
        assertThat(paged.path("reports").size()).isLessThanOrEqualTo(2);
        assertThat(paged.path("pagination").path("page").asInt()).isEqualTo(2);
    }

    @Test
    void relatedExcludesTheReportItselfAndRanksItsTopicFirst() {
        JsonNode related = s.getJson("/api/reports/yt:sourdough01/related?size=3");
        assertThat(related.path("available").asBoolean()).isTrue();
        assertThat(ids(related)).hasSize(3).doesNotContain("yt:sourdough01");
        assertThat(ids(related).get(0)).isEqualTo("reddit:pasta01");
        JsonNode youtubeOnly = s.getJson("/api/reports/yt:sourdough01/related?size=5&source=youtube");
        assertThat(ids(youtubeOnly)).isNotEmpty().allMatch(id -> id.startsWith("yt:")).doesNotContain("yt:sourdough01");
    }

    @Test
    void aRankedRowIsItsReportsListRowWithItsScoreAndShowsAChangeAtOnce() {
        JsonNode cards = s.getJson("/api/reports?fields=card&size=50");
        java.util.Map<String, JsonNode> cardById = new java.util.HashMap<>();
        cards.path("reports").forEach(r -> cardById.put(r.path("video_id").asText(), r));
        JsonNode ranked = s.getJson("/api/reports?search=hybrid&fields=card&q=" + q("baking bread"));
        assertThat(ranked.path("reports").size()).isPositive();
        ranked.path("reports").forEach(row -> {
            com.fasterxml.jackson.databind.node.ObjectNode withoutScores = row.deepCopy();
            withoutScores.remove(List.of("score", "rrf_score"));
            assertThat(withoutScores).isEqualTo(cardById.get(row.path("video_id").asText()));
            assertThat(row.path("rrf_score").isNumber()).isTrue();
        });
        assertThat(ranked.path("pagination").path("total").asInt()).isPositive();
        assertThat(ranked.path("search").path("mode").asText()).isEqualTo("hybrid");
        JsonNode related = s.getJson("/api/reports/yt:sourdough01/related?size=2&fields=card");
        assertThat(related.path("video_id").asText()).isEqualTo("yt:sourdough01");
        related.path("reports").forEach(row -> assertThat(row.has("channel_name")).as("card rows leave out channel_name").isFalse());

        s.running.database().jdbi().useHandle(h -> h.execute("UPDATE content SET title = 'Sourdough, renamed' WHERE video_id = 'yt:sourdough01'"));
        JsonNode again = s.getJson("/api/reports?search=semantic&q=" + q("baking bread"));
        assertThat(again.path("reports").get(0).path("video_id").asText()).isEqualTo("yt:sourdough01");
        assertThat(again.path("reports").get(0).path("title").asText()).isEqualTo("Sourdough, renamed");
        assertThat(s.get("/api/reports?search=semantic&fields=everything&q=x").statusCode()).isEqualTo(400);
        assertThat(s.get("/api/reports/yt:sourdough01/related?fields=everything").statusCode()).isEqualTo(400);
    }

    @Test
    void existingClientsShapes() {
        JsonNode search = s.getJson("/api/semantic-search?query=" + q("distributed virtual machines") + "&topk=2");
        assertThat(search.path("mode").asText()).isEqualTo("hybrid");
        assertThat(search.path("search_type").asText()).isEqualTo("hybrid");
        assertThat(search.path("available").asBoolean()).isTrue();
        assertThat(search.path("indexed_count").asInt()).isEqualTo(6);
        assertThat(search.path("results")).hasSize(2);
        JsonNode first = search.path("results").get(0);
        assertThat(first.path("id").asText()).isEqualTo("reddit:homelab01");
        assertThat(first.fieldNames()).toIterable().contains("id", "score", "title", "source", "channel", "snippet", "rrf_score");
        assertThat(first.path("snippet").asText()).startsWith("Three small servers");

        JsonNode similar = s.getJson("/api/semantic-similar?id=yt:marathon01&topk=3");
        assertThat(similar.path("source_id").asText()).isEqualTo("yt:marathon01");
        assertThat(similar.path("count").asInt()).isEqualTo(3);
        assertThat(similar.path("available").asBoolean()).isTrue();
        similar.path("results").forEach(r -> assertThat(r.path("id").asText()).isNotEqualTo("yt:marathon01"));
    }

    @Test
    void aChangedReportIsReEmbeddedAndADeletedOneLeavesTheIndex() {
        SemanticLibrary.ingest(s, "web:chess01", "Opening principles", "Board Room", "web",
                "Control the centre, develop knights before bishops and castle early to protect the king.");
        SemanticLibrary.awaitEmbedded(s, 7);
        String before = hash("web:chess01");
        SemanticLibrary.ingest(s, "web:chess01", "Opening principles", "Board Room", "web",
                "Knitting a scarf with wool: casting on, purl stitches and binding off neatly.");
        await().atMost(Duration.ofSeconds(30)).until(() -> !hash("web:chess01").equals(before));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ids(s.getJson("/api/reports?search=semantic&size=1&q=" + q("knitting wool garments"))).equals(List.of("web:chess01")));

        assertThat(s.delete("/api/reports/web:chess01", "Authorization", "Bearer " + TestServer.ADMIN).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> s.getJson("/api/semantic/status").path("indexed").asInt() == 6);
        assertThat(ids(s.getJson("/api/reports?search=semantic&size=100&q=" + q("knitting")))).doesNotContain("web:chess01");
    }

    private static String hash(String id) {
        return s.running.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT source_hash FROM report_embeddings WHERE video_id = :id").bind("id", id).mapTo(String.class).findOne().orElse(""));
    }

    @Test
    void badInputIsRefusedWithA400() {
        assertThat(s.get("/api/reports?search=bogus&q=x").statusCode()).isEqualTo(400);
        assertThat(s.get("/api/reports?search=semantic").statusCode()).isEqualTo(400);
        assertThat(s.get("/api/reports?search=hybrid&q=%20%20").statusCode()).isEqualTo(400);
        assertThat(s.get("/api/reports/yt:sourdough01/related?size=100000").statusCode()).isEqualTo(400);
        assertThat(s.get("/api/reports/yt:sourdough01/related?size=0").statusCode()).isEqualTo(400);
        assertThat(s.get("/api/reports/yt:nosuchthing1/related").statusCode()).isEqualTo(404);
        assertThat(s.get("/api/semantic-search").statusCode()).isEqualTo(400);
        assertThat(s.get("/api/semantic-search?q=x&mode=fuzzy").statusCode()).isEqualTo(400);
        assertThat(s.get("/api/semantic-search?q=x&topk=5000").statusCode()).isEqualTo(400);
        assertThat(s.get("/api/semantic-similar").statusCode()).isEqualTo(400);
        assertThat(s.get("/api/semantic-similar?id=yt:sourdough01&topk=abc").statusCode()).isEqualTo(400);
    }

    @Test
    void embeddingJobsAreVisibleInTheQueue() {
        long done = s.running.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM image_jobs WHERE mode = 'embed' AND state = 'done'").mapTo(Long.class).one());
        assertThat(done).isGreaterThanOrEqualTo(6);
        JsonNode status = s.getJson("/api/semantic/status");
        assertThat(status.path("provider").asText()).isEqualTo("builtin");
        assertThat(status.path("model").asText()).isEqualTo(BuiltinEmbeddings.MODEL);
        assertThat(status.path("jobs").path("failed").asInt()).isZero();
        // The image dialog's job list stays about images.
        assertThat(s.getJson("/api/image-jobs?video_id=yt:sourdough01").path("jobs")).isEmpty();
    }
}
