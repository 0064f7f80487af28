package dev.ytv2.semantic;

import dev.ytv2.content.ReportFilter;
import dev.ytv2.content.ReportRequest;
import dev.ytv2.content.ReportSort;
import dev.ytv2.content.ReportStore;
import dev.ytv2.content.ReportWhere;
import org.jdbi.v3.core.Jdbi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Rankings by meaning: the nearest reports to a query's vector under the same filters as a keyword
 * search, and hybrid, the reciprocal rank fusion (k = 60) of that ranking and the keyword one. When
 * vectors cannot be had (embeddings off, none computed yet, the provider failing) a search falls back
 * to keyword and says why.
 */
public final class SemanticSearch {
    public static final int RRF_K = 60;
    /** How far down each ranking goes, and so the most results a semantic or hybrid search has. */
    public static final int DEPTH = 100;
    /** The most nearest a filtered search over-fetches before it searches within the filter instead. */
    private static final int MAX_CANDIDATES = 2_000;

    private final ReportStore reports;
    private final Jdbi jdbi;
    private final Optional<? extends Neighbours> index;
    private final Optional<QueryVectors> queries;
    private final boolean embedsHere;
    private final ComputeLanes lanes = ComputeLanes.perCore();

    /** `queryCache`: how many query vectors are kept (0 keeps none). */
    public SemanticSearch(ReportStore reports, Jdbi jdbi, Optional<? extends Neighbours> index, Optional<EmbeddingProvider> provider,
                          int queryCache) {
        this.reports = reports;
        this.jdbi = jdbi;
        this.index = index;
        this.queries = provider.map(p -> new QueryVectors(p, queryCache));
        this.embedsHere = provider.map(EmbeddingProvider::local).orElse(false);
    }

    /** One result: its score in the ranking used, and for hybrid the fused score. */
    public record Scored(String videoId, double score, Double rrf) {
    }

    /** The mode that ranked (keyword after a fallback), its results best first, and why it fell back. */
    public record Ranking(SearchMode used, List<Scored> results, Optional<String> fallback) {
    }

    /**
     * Runs a request's work (its search, its rows and its answer) in one lane when the model and the
     * index both compute here, at once otherwise: under load each request then runs to its end in
     * arrival order, instead of every request in progress sharing the cores.
     */
    public <T, E extends Exception> T inLane(ComputeLanes.Work<T, E> work) throws E {
        return lanes.run(embedsHere && index.map(Neighbours::local).orElse(false), work);
    }

    /** Why vectors cannot be used now; empty when they can. */
    public Optional<String> unavailable() {
        if (index.isEmpty() || queries.isEmpty()) return Optional.of("semantic search is off (YTV2_EMBEDDINGS=off)");
        if (!index.get().loaded()) return Optional.of("the semantic index is still loading");
        if (index.get().size() == 0) return Optional.of("no report has been embedded yet");
        return Optional.empty();
    }

    /** The heap the in-process index holds, in bytes. */
    public long indexBytes() {
        return index.map(Neighbours::bytes).orElse(0L);
    }

    /** Which index answers: pgvector, the graph, or the exact scan (and why the graph is not used yet). */
    public String indexKind() {
        return index.map(Neighbours::kind).orElse("none");
    }

    /** The query-vector cache's size and hits; empty when semantic search is off. */
    public Optional<QueryVectors.Stats> queryCache() {
        return queries.map(QueryVectors::stats);
    }

    public int indexed() {
        return index.map(Neighbours::size).orElse(0);
    }

    /** `filter` carries the search text; every other filter of it applies to both rankings. */
    public Ranking rank(SearchMode mode, ReportFilter filter) {
        return rank(mode, filter, new ServerTiming());
    }

    Ranking rank(SearchMode mode, ReportFilter filter, ServerTiming timing) {
        String q = filter.q().orElseThrow(() -> new IllegalArgumentException("a ranking needs search text"));
        if (mode == SearchMode.KEYWORD) return new Ranking(SearchMode.KEYWORD, keyword(filter), Optional.empty());
        Optional<String> reason = unavailable();
        float[] vector = null;
        if (reason.isEmpty()) {
            try {
                vector = queries.get().vector(q);
                timing.lap("embed");
            } catch (EmbeddingException e) {
                reason = Optional.of("the embedding provider failed: " + e.getMessage());
            }
        }
        if (vector != null && vector.length != index.get().dimensions()) {
            reason = Optional.of("the query vector has " + vector.length + " dimensions, the index " + index.get().dimensions());
            vector = null;
        }
        if (vector == null) return new Ranking(SearchMode.KEYWORD, keyword(filter), reason);
        List<Scored> semantic = nearest(vector, filter.withoutSearch(), DEPTH, id -> true, timing);
        if (mode == SearchMode.SEMANTIC) return new Ranking(SearchMode.SEMANTIC, semantic, Optional.empty());
        List<Scored> keyword = keyword(filter);
        timing.lap("keyword");
        return new Ranking(SearchMode.HYBRID, fuse(keyword, semantic), Optional.empty());
    }

    /** The reports nearest to one report, itself left out; empty when it has no vector (yet). */
    public Optional<List<Scored>> related(String videoId, ReportFilter filter, int size) {
        if (unavailable().isPresent()) return Optional.empty();
        return index.get().vectorOf(videoId).map(v -> nearest(v, filter.withoutSearch(), size, id -> !id.equals(videoId), new ServerTiming()));
    }

    private List<Scored> nearest(float[] vector, ReportFilter filter, int k, Predicate<String> allow, ServerTiming timing) {
        Neighbours idx = index.orElseThrow();
        Set<String> onlyIds = filter.ids().isEmpty() ? null : new HashSet<>(filter.ids());
        Predicate<String> base = onlyIds == null ? allow : allow.and(onlyIds::contains);
        ReportFilter rest = withIds(filter, List.of());
        if (!narrows(rest)) {
            List<Scored> out = scored(idx.nearest(vector, k, base));
            timing.lap("index");
            return out;
        }
        // Over-fetch the nearest and filter them; a filter too narrow for that to fill k is searched
        // within: the reports it passes, scored one by one when they are few.
        int candidates = idx.candidates(k);
        List<VectorIndex.Hit> hits;
        List<VectorIndex.Hit> kept;
        while (true) {
            hits = idx.nearest(vector, candidates, base);
            timing.lap("index");
            Set<String> passing = matching(rest, hits.stream().map(VectorIndex.Hit::videoId).toList());
            kept = hits.stream().filter(h -> passing.contains(h.videoId())).limit(k).toList();
            timing.lap("filter");
            // A graph's over-fetch is a few times k: a filter that passes a tenth of the library
            // needs more, and four times as many from the graph is still cheaper than the fallback.
            if (kept.size() >= k || hits.size() < candidates || candidates >= MAX_CANDIDATES) break;
            candidates = Math.min(MAX_CANDIDATES, candidates * 4);
        }
        if (kept.size() < k && hits.size() >= candidates) {
            Set<String> all = matching(rest, null);
            timing.lap("filter-all");
            kept = idx.nearestAmong(vector, k, all, base);
            timing.lap("index-among");
        }
        return scored(kept);
    }

    private static List<Scored> scored(List<VectorIndex.Hit> hits) {
        return hits.stream().map(h -> new Scored(h.videoId(), h.score(), null)).toList();
    }

    private static boolean narrows(ReportFilter f) {
        return !"TRUE".equals(ReportWhere.of(f, ReportFilter.Facet.NONE).sql());
    }

    /** The reports (of `among`, or of the whole library when null) that pass the filter. */
    private Set<String> matching(ReportFilter filter, List<String> among) {
        ReportWhere where = ReportWhere.of(among == null ? filter : withIds(filter, among), ReportFilter.Facet.NONE);
        return new HashSet<>(jdbi.withHandle(h -> h.createQuery("SELECT r.video_id FROM " + where.from() + " WHERE " + where.sql())
                .bindMap(where.binds()).mapTo(String.class).list()));
    }

    /** The keyword search's own ranking (title matches first), its first DEPTH results. */
    private List<Scored> keyword(ReportFilter filter) {
        List<Scored> out = new ArrayList<>();
        for (String id : reports.pageIds(new ReportRequest(filter, ReportSort.RELEVANCE, 1, DEPTH))) {
            out.add(new Scored(id, 1.0 / (RRF_K + out.size() + 1), null));
        }
        return out;
    }

    /** Reciprocal rank fusion: each list adds 1 / (k + rank); ties keep the semantic order. */
    static List<Scored> fuse(List<Scored> keyword, List<Scored> semantic) {
        Map<String, Double> fused = new LinkedHashMap<>();
        Map<String, Double> similarity = new HashMap<>();
        for (int i = 0; i < semantic.size(); i++) {
            fused.merge(semantic.get(i).videoId(), 1.0 / (RRF_K + i + 1), Double::sum);
            similarity.put(semantic.get(i).videoId(), semantic.get(i).score());
        }
        for (int i = 0; i < keyword.size(); i++) fused.merge(keyword.get(i).videoId(), 1.0 / (RRF_K + i + 1), Double::sum);
        List<Map.Entry<String, Double>> order = new ArrayList<>(fused.entrySet());
        Collections.sort(order, (a, b) -> Double.compare(b.getValue(), a.getValue()));
        return order.stream().map(e -> new Scored(e.getKey(), similarity.getOrDefault(e.getKey(), 0.0), e.getValue())).toList();
    }

    static ReportFilter withIds(ReportFilter f, List<String> ids) {
        return new ReportFilter(f.q(), f.sources(), f.categories(), f.subcategories(), f.channels(), f.languages(),
                f.contentTypes(), f.summaryTypes(), f.hasAudio(), ids, f.dateFrom(), f.dateTo());
    }
}
