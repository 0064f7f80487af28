package dev.ytv2.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.semantic.EmbeddingProvider;
import dev.ytv2.semantic.EmbeddingStore;
import dev.ytv2.semantic.VectorIndex;
import org.jdbi.v3.core.Jdbi;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Recall@10 of the running server's answers against an exact scan of the same vectors, read from the
 * table here: new query texts (embedded here with the same model, as the server embeds them) through
 * `/api/semantic-search`, and reports' own vectors through `/api/semantic-similar`.
 */
final class SemanticRecall {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String base;

    SemanticRecall(String base) {
        this.base = base;
    }

    record Result(String what, int queries, double recall) {
        String row() {
            return String.format("| %-44s | %7d | %9.3f |", what, queries, recall);
        }
    }

    List<Result> measure(Jdbi jdbi, EmbeddingProvider model, List<String> ids, int queries) throws Exception {
        VectorIndex exact = new VectorIndex(model.dimensions());
        exact.reserve(ids.size() + 1024);
        new EmbeddingStore(jdbi).forEach(model.model(), (id, v) -> {
            if (v.length == model.dimensions()) exact.put(id, v);
        });
        SplittableRandom r = new SplittableRandom(99);
        double texts = 0;
        for (int i = 0; i < queries; i++) {
            String q = SyntheticLibrary.word(r) + " " + SyntheticLibrary.word(r) + " recall " + i;
            float[] v = model.embed(List.of(q)).get(0);
            Set<String> truth = ids(exact.nearest(v, 10, id -> true));
            JsonNode got = get("/api/semantic-search?mode=semantic&topk=10&q=" + enc(q));
            texts += overlap(truth, got.path("results"), "id");
        }
        double related = 0;
        for (int i = 0; i < queries; i++) {
            String id = ids.get(r.nextInt(ids.size()));
            float[] v = exact.get(id).orElseThrow();
            Set<String> truth = ids(exact.nearest(v, 10, other -> !other.equals(id)));
            JsonNode got = get("/api/semantic-similar?topk=10&id=" + enc(id));
            related += overlap(truth, got.path("results"), "id");
        }
        return List.of(new Result("new query texts (/api/semantic-search)", queries, texts / queries),
                new Result("a report's own vector (/api/semantic-similar)", queries, related / queries));
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) throw new IllegalStateException(path + " answered " + res.statusCode() + ": " + res.body());
        return mapper.readTree(res.body());
    }

    private static double overlap(Set<String> truth, JsonNode results, String field) {
        int hit = 0;
        for (JsonNode n : results) if (truth.contains(n.path(field).asText())) hit++;
        return hit / (double) truth.size();
    }

    private static Set<String> ids(List<VectorIndex.Hit> hits) {
        Set<String> out = new HashSet<>();
        hits.forEach(h -> out.add(h.videoId()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
