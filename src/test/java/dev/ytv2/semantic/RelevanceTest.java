package dev.ytv2.semantic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.app.Config;
import dev.ytv2.app.Wiring;
import dev.ytv2.content.Importer;
import dev.ytv2.content.ReportRequest;
import dev.ytv2.db.Database;
import dev.ytv2.demo.DemoLibrary;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.SharedEmbeddings;
import dev.ytv2.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judged query set over the demo library: recall@10 and nDCG@10 of keyword, hybrid and
 * semantic search with the builtin model. Hybrid must rank better than keyword alone.
 */
@DbTest
class RelevanceTest {
    private static final int DEMO_SIZE = 300;
    private static final long DEMO_SEED = 20251124L;

    record Judged(String query, Set<String> relevant) {
    }

    record Score(double recall, double ndcg) {
    }

    private static Database db;
    private static SemanticSearch search;
    private static List<Judged> judged;

    @BeforeAll
    static void seedAndEmbed() throws IOException {
        Path dir = Files.createTempDirectory("ytv2-relevance-");
        Config config = Config.fromEnv(Map.of("DATABASE_URL", TestDatabase.newDatabase(), "YTV2_DATA_DIR", dir.toString()));
        db = Database.open(config.databaseUrl(), config.dataDir(), 4);
        Wiring.Services s = Wiring.services(config, db);
        Importer importer = new Importer(s.writer(), s.mapper());
        int n = 0;
        for (ObjectNode item : new DemoLibrary().generate(DEMO_SIZE, DEMO_SEED, s.files()::put)) {
            importer.one(item, ++n, problem -> { throw new AssertionError(problem); });
        }
        BuiltinEmbeddings model = SharedEmbeddings.builtin();
        EmbedWorker worker = Wiring.embedWorker(config, db, s, model, "relevance");
        worker.sweep();
        while (worker.runBatch() > 0) {
            // until every report has its vector
        }
        SemanticIndex index = new SemanticIndex(s.embeddings(), model.model(), new VectorIndex(model.dimensions()), s.mapper()).load();
        assertThat(index.size()).isEqualTo(DEMO_SIZE);
        search = new SemanticSearch(s.reports(), db.jdbi(), Optional.of(index), Optional.of(model), 512);
        judged = load();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static List<Judged> load() throws IOException {
        List<Judged> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                RelevanceTest.class.getResourceAsStream("/semantic/demo-relevance.tsv")), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split("\t");
                String[] topics = parts[1].split("\\|");
                List<String> ids = db.jdbi().withHandle(h -> h.createQuery("SELECT video_id FROM content WHERE topics_json ->> 0 = ANY(:t)")
                        .bind("t", topics).mapTo(String.class).list());
                assertThat(ids).as("reports about %s", parts[1]).isNotEmpty();
                out.add(new Judged(parts[0], new HashSet<>(ids)));
            }
        }
        return out;
    }

    private static Score score(SearchMode mode) {
        double recall = 0;
        double ndcg = 0;
        for (Judged j : judged) {
            SemanticSearch.Ranking ranking = search.rank(mode, ReportRequest.parse(Map.of("q", List.of(j.query()))).filter());
            assertThat(ranking.used()).isEqualTo(mode);
            List<String> top = ranking.results().stream().limit(10).map(SemanticSearch.Scored::videoId).toList();
            double dcg = 0;
            int found = 0;
            for (int i = 0; i < top.size(); i++) {
                if (j.relevant().contains(top.get(i))) {
                    found++;
                    dcg += 1 / (Math.log(i + 2) / Math.log(2));
                }
            }
            double ideal = 0;
            for (int i = 0; i < Math.min(10, j.relevant().size()); i++) ideal += 1 / (Math.log(i + 2) / Math.log(2));
            recall += (double) found / j.relevant().size();
            ndcg += dcg / ideal;
        }
        return new Score(recall / judged.size(), ndcg / judged.size());
    }

    @Test
    void hybridRanksTheJudgedReportsBetterThanKeywordSearch() throws IOException {
        assertThat(judged).hasSizeGreaterThanOrEqualTo(40);
        Map<SearchMode, Score> scores = new EnumMap<>(SearchMode.class);
        for (SearchMode m : SearchMode.values()) scores.put(m, score(m));
        StringBuilder table = new StringBuilder("mode       recall@10  nDCG@10   (" + judged.size() + " queries, " + DEMO_SIZE + " demo reports)\n");
        scores.forEach((m, s) -> table.append(String.format("%-10s %9.3f %8.3f%n", m.wire(), s.recall(), s.ndcg())));
        System.out.print(table);
        Files.writeString(Path.of("target", "relevance.txt"), table);
        assertThat(scores.get(SearchMode.HYBRID).ndcg()).isGreaterThan(scores.get(SearchMode.KEYWORD).ndcg());
        assertThat(scores.get(SearchMode.HYBRID).recall()).isGreaterThan(scores.get(SearchMode.KEYWORD).recall());
    }
}
