package dev.ytv2.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.render.backend.FakeHttp;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.SemanticLibrary;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Embedding jobs through a real server and a fake embedding service: batches, retries, and fallbacks that say so. */
@DbTest
class EmbedJobsTest {

    /** Each text's vector says which of four topics its text names first. */
    private static FakeHttp.Response topical(FakeHttp.Request r) {
        ObjectNode out = FakeHttp.JSON.createObjectNode();
        ArrayNode data = out.putArray("data");
        JsonNode in = r.json().path("input");
        String[] topics = {"bread", "rust", "server", "marathon"};
        for (int i = 0; i < in.size(); i++) {
            String text = in.get(i).asText().toLowerCase();
            ArrayNode v = data.addObject().put("index", i).putArray("embedding");
            int best = -1;
            int at = Integer.MAX_VALUE;
            for (int t = 0; t < topics.length; t++) {
                int p = text.indexOf(topics[t]);
                if (p >= 0 && p < at) {
                    at = p;
                    best = t;
                }
            }
            for (int t = 0; t < topics.length; t++) v.add(t == best ? 1.0 : 0.01);
        }
        return FakeHttp.Response.json(out.toString());
    }

    @Test
    void failedBatchesAreRetriedThenStoredAndAProviderOutageFallsBackToKeyword() {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        AtomicBoolean down = new AtomicBoolean(false);
        try (FakeHttp fake = new FakeHttp()) {
            fake.on("POST", "/v1/embeddings", r -> down.get() || failuresLeft.getAndDecrement() > 0
                    ? FakeHttp.Response.json(500, "{\"error\":{\"message\":\"model is loading\"}}") : topical(r));
            try (TestServer s = TestServer.startWithWorker(env -> {
                env.put("YTV2_EMBEDDINGS", "openai");
                env.put("YTV2_EMBEDDINGS_URL", fake.url());
                env.put("YTV2_EMBEDDINGS_MODEL", "fake-embed");
                env.put("YTV2_EMBEDDINGS_DIMENSIONS", "4");
                env.put("YTV2_EMBED_BATCH", "3");
                env.put("YTV2_EMBED_SWEEP_SECONDS", "0.2");
                env.put("YTV2_EMBED_BACKOFF_SECONDS", "0.2");
            })) {
                SemanticLibrary.ingest(s, "yt:bread0000001", "Loaves", "K", "youtube", "bread and flour");
                SemanticLibrary.ingest(s, "yt:rust00000001", "Borrowing", "C", "youtube", "rust lifetimes");
                SemanticLibrary.ingest(s, "yt:server000001", "Rack", "H", "youtube", "server cluster");
                SemanticLibrary.ingest(s, "yt:marathon0001", "Long runs", "R", "youtube", "marathon pace");
                SemanticLibrary.awaitEmbedded(s, 4);

                JsonNode retried = s.running.database().jdbi().withHandle(h -> s.mapper.valueToTree(h.createQuery("""
                        SELECT attempts, last_error FROM image_jobs WHERE mode = 'embed' AND attempts > 1 LIMIT 1""").mapToMap().one()));
                assertThat(retried.path("last_error").asText()).contains("HTTP 500").contains("model is loading");
                // Batches of at most 3 texts.
                fake.requests("/v1/embeddings").forEach(r -> assertThat(r.json().path("input").size()).isBetween(1, 3));
                assertThat(fake.requests("/v1/embeddings").get(0).json().path("model").asText()).isEqualTo("fake-embed");

                JsonNode found = s.getJson("/api/reports?search=semantic&size=1&q=marathon");
                assertThat(found.path("reports").get(0).path("video_id").asText()).isEqualTo("yt:marathon0001");

                down.set(true);
                JsonNode fallback = s.getJson("/api/reports?search=semantic&q=anything%20new");
                assertThat(fallback.path("search").path("mode").asText()).isEqualTo("keyword");
                assertThat(fallback.path("search").path("fallback").asText()).contains("embedding provider failed").contains("HTTP 500");
                JsonNode legacy = s.getJson("/api/semantic-search?q=another%20query");
                assertThat(legacy.path("search_type").asText()).isEqualTo("keyword (fallback)");
                // Related needs no provider call: the report's own vector is in the index.
                assertThat(s.getJson("/api/reports/yt:rust00000001/related?size=2").path("reports")).hasSize(2);
            }
        }
    }

    @Test
    void anExistingInstallationsVectorsOfUnchangedTextsAreTakenOverNotRecomputed() {
        try (FakeHttp fake = new FakeHttp(); TestServer s = TestServer.start(env -> { })) {
            fake.on("POST", "/v1/embeddings", r -> {
                ObjectNode out = FakeHttp.JSON.createObjectNode();
                ArrayNode v = out.putArray("data").addObject().put("index", 0).putArray("embedding");
                for (int i = 0; i < 3072; i++) v.add(i == 1 ? 1.0 : 0.0);
                return FakeHttp.Response.json(out.toString());
            });
            SemanticLibrary.ingest(s, "yt:kept0000001", "Kept", "K", "youtube", "unchanged text");
            SemanticLibrary.ingest(s, "yt:edited00001", "Edited", "E", "youtube", "text changed since");
            String keptHash = EmbeddingText.of("yt:kept0000001", "Kept", "K", "youtube", "unchanged text").sha256();
            StringBuilder stored = new StringBuilder("[3");
            for (int i = 1; i < 3072; i++) stored.append(",0");
            // Stands in for pgvector's vector(3072) column: the worker reads it as text either way.
            s.running.database().jdbi().useHandle(h -> {
                h.execute("ALTER TABLE content ADD COLUMN embedding text, ADD COLUMN embedding_model text, ADD COLUMN embedding_source_hash text");
                h.createUpdate("UPDATE content SET embedding = :e, embedding_model = 'text-embedding-3-large', embedding_source_hash = "
                        + "CASE WHEN video_id = 'yt:kept0000001' THEN :h ELSE 'stale' END").bind("e", stored + "]").bind("h", keptHash).execute();
            });
            var config = dev.ytv2.app.Config.fromEnv(java.util.Map.of("YTV2_EMBEDDINGS", "openai", "YTV2_EMBEDDINGS_URL", fake.url(),
                    "DATABASE_URL", s.databaseUrl, "YTV2_DATA_DIR", s.dataDir.toString()));
            EmbeddingProvider openai = dev.ytv2.app.Wiring.embeddingProvider(config, s.mapper).orElseThrow();
            EmbedWorker worker = dev.ytv2.app.Wiring.embedWorker(config, s.running.database(), s.running.services(), openai, "reuse");
            worker.sweep();
            while (worker.runBatch() > 0) {
                // until both are done
            }
            assertThat(fake.requests("/v1/embeddings")).hasSize(1);
            assertThat(fake.requests("/v1/embeddings").get(0).json().path("input").get(0).asText()).contains("text changed since");
            var vectors = s.running.services().embeddings().vectors(java.util.List.of("yt:kept0000001", "yt:edited00001"), openai.model());
            assertThat(vectors.get("yt:kept0000001")[0]).isEqualTo(1.0f);
            assertThat(vectors.get("yt:edited00001")[1]).isEqualTo(1.0f);
        }
    }

    @Test
    void withEmbeddingsOffEverySearchSaysItFellBack() {
        try (TestServer s = TestServer.start(env -> env.put("YTV2_EMBEDDINGS", "off"))) {
            SemanticLibrary.ingest(s, "yt:bread0000001", "Loaves of bread", "K", "youtube", "flour");
            JsonNode page = s.getJson("/api/reports?search=hybrid&q=bread");
            assertThat(page.path("search").path("mode").asText()).isEqualTo("keyword");
            assertThat(page.path("search").path("fallback").asText()).contains("YTV2_EMBEDDINGS=off");
            assertThat(page.path("reports").get(0).path("video_id").asText()).isEqualTo("yt:bread0000001");

            JsonNode semantic = s.getJson("/api/semantic-search?q=bread&mode=semantic");
            assertThat(semantic.path("available").asBoolean()).isFalse();
            assertThat(semantic.path("results")).isEmpty();
            assertThat(semantic.path("indexed_count").asInt()).isZero();
            assertThat(semantic.path("error").asText()).isNotBlank();
            assertThat(s.getJson("/api/semantic-search?q=bread").path("search_type").asText()).isEqualTo("keyword (fallback)");

            JsonNode related = s.getJson("/api/reports/yt:bread0000001/related");
            assertThat(related.path("available").asBoolean()).isFalse();
            assertThat(related.path("reason").asText()).contains("off");
            assertThat(s.getJson("/api/semantic/status").path("backfilling").asBoolean()).isFalse();
        }
    }
}
