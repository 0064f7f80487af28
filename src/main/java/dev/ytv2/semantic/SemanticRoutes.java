package dev.ytv2.semantic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.content.ReportFilter;
import dev.ytv2.content.ReportIds;
import dev.ytv2.content.ReportJson.RowFields;
import dev.ytv2.content.ReportRequest;
import dev.ytv2.content.ReportRoutes;
import dev.ytv2.content.ReportSort;
import dev.ytv2.content.ReportStore;
import dev.ytv2.jobs.Job;
import dev.ytv2.jobs.JobStore;
import dev.ytv2.http.ApiError;
import dev.ytv2.http.Json;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * `/api/reports?search=hybrid|semantic`, `/api/reports/{id}/related`, the existing clients'
 * `/api/semantic-search` and `/api/semantic-similar`, and `/api/semantic/status`.
 */
public final class SemanticRoutes {
    public static final int MAX_RELATED = 50;
    public static final int MAX_TOPK = 100;

    /** What the routes read besides the search itself. */
    public record Deps(ReportRoutes keyword, ReportStore reports, EmbeddingStore store, JobStore jobs, ObjectMapper mapper) {
    }

    private final Deps d;
    private final SemanticSearch search;
    private final String provider;
    private final String model;

    public SemanticRoutes(Deps deps, SemanticSearch search, String provider, String model) {
        this.d = deps;
        this.search = search;
        this.provider = provider;
        this.model = model;
    }

    public void reports(Context ctx) {
        SearchMode mode = SearchMode.parse(single(ctx, "search"), SearchMode.KEYWORD, "search");
        if (mode == SearchMode.KEYWORD) {
            d.keyword().list(ctx);
            return;
        }
        ReportRequest request = ReportRequest.parse(ctx.queryParamMap());
        if (request.filter().q().isEmpty()) {
            throw ApiError.badRequest("missing_query", "A " + mode.wire() + " search needs search text: give q.");
        }
        RowFields fields = RowFields.parse(ctx.queryParam("fields"));
        ServerTiming timing = new ServerTiming();
        byte[] answer = search.inLane(() -> {
            timing.lap("queued");
            return reportsAnswer(mode, request, fields, timing);
        });
        ctx.header("Server-Timing", timing.header());
        ctx.contentType(ContentType.APPLICATION_JSON).result(answer);
    }

    private byte[] reportsAnswer(SearchMode mode, ReportRequest request, RowFields fields, ServerTiming timing) {
        SemanticSearch.Ranking ranking = search.rank(mode, request.filter(), timing);
        ObjectNode searched = d.mapper().createObjectNode();
        ObjectNode s = searched.putObject("search");
        s.put("mode", ranking.used().wire());
        s.put("requested", mode.wire());
        s.put("fallback", ranking.fallback().orElse(null));
        if (ranking.fallback().isEmpty() && request.sort() == ReportSort.RELEVANCE) {
            int from = (int) Math.min(ranking.results().size(), (long) (request.page() - 1) * request.size());
            List<SemanticSearch.Scored> slice = ranking.results().subList(from, Math.min(ranking.results().size(), from + request.size()));
            ObjectNode tail = d.mapper().createObjectNode();
            tail.set("pagination", d.keyword().pagination(request.page(), request.size(), ranking.results().size()));
            byte[] answer = d.keyword().rankedAnswer(null, ranked(slice), fields, tail.setAll(searched));
            timing.lap("rows");
            return answer;
        }
        ObjectNode out;
        if (ranking.fallback().isPresent()) {
            out = d.keyword().pageJson(d.reports().list(request));
        } else {
            List<String> ids = ranking.results().stream().map(SemanticSearch.Scored::videoId).toList();
            ReportFilter only = SemanticSearch.withIds(request.filter().withoutSearch(), ids.isEmpty() ? List.of("") : ids);
            out = d.keyword().pageJson(d.reports().list(new ReportRequest(only, request.sort(), request.page(), request.size())));
            annotate(out.withArray("reports"), ranking.results());
        }
        timing.lap("rows");
        out.setAll(searched);
        return Json.bytes(d.mapper(), out);
    }

    public void related(Context ctx) {
        String id = ReportIds.validate(ctx.pathParam("id"));
        int size = number(single(ctx, "size"), 12, MAX_RELATED, "size");
        RowFields fields = RowFields.parse(ctx.queryParam("fields"));
        String videoId = d.reports().resolve(id).orElseThrow(() -> ApiError.notFound("No report with id '" + id + "'."));
        ReportRequest request = ReportRequest.parse(withoutPaging(ctx.queryParamMap()));
        byte[] answer = search.inLane(() -> {
            Optional<List<SemanticSearch.Scored>> related = search.related(videoId, request.filter(), size);
            ObjectNode head = d.mapper().createObjectNode().put("video_id", videoId).put("available", related.isPresent());
            ObjectNode tail = d.mapper().createObjectNode();
            if (related.isEmpty()) tail.put("reason", search.unavailable().orElse("this report has no vector yet"));
            return d.keyword().rankedAnswer(head, ranked(related.orElse(List.of())), fields, tail);
        });
        ctx.contentType(ContentType.APPLICATION_JSON).result(answer);
    }

    public void semanticSearch(Context ctx) {
        String q = Optional.ofNullable(single(ctx, "q")).or(() -> Optional.ofNullable(single(ctx, "query")))
                .map(String::strip).filter(s -> !s.isEmpty())
                .orElseThrow(() -> ApiError.badRequest("missing_query", "Give the search text as q (or query)."));
        if (q.length() > 300) throw ApiError.badRequest("invalid_query", "The search text is longer than 300 characters.");
        SearchMode mode = SearchMode.parse(single(ctx, "mode"), SearchMode.HYBRID, "mode");
        int topk = number(single(ctx, "topk"), 20, MAX_TOPK, "topk");
        ObjectNode out = d.mapper().createObjectNode().put("query", q).put("mode", mode.wire());
        Optional<String> off = search.unavailable();
        if (mode == SearchMode.SEMANTIC && off.isPresent()) {
            out.put("search_type", "semantic").putArray("results");
            out.put("indexed_count", 0).put("available", false).put("error", off.get());
            ctx.json(out);
            return;
        }
        ReportFilter filter = ReportRequest.parse(Map.of("q", List.of(q))).filter();
        record Found(SemanticSearch.Ranking ranking, ArrayNode results) {
        }
        Found found = search.inLane(() -> {
            SemanticSearch.Ranking r = search.rank(mode, filter);
            return new Found(r, results(r.results().stream().limit(topk).toList(), r.used() == SearchMode.HYBRID));
        });
        SemanticSearch.Ranking ranking = found.ranking();
        out.put("search_type", ranking.fallback().isPresent() ? "keyword (fallback)" : ranking.used().wire());
        out.set("results", found.results());
        out.put("indexed_count", search.indexed()).put("available", off.isEmpty());
        ranking.fallback().ifPresent(f -> out.put("error", f));
        ctx.json(out);
    }

    public void semanticSimilar(Context ctx) {
        String raw = Optional.ofNullable(single(ctx, "id")).filter(s -> !s.isBlank())
                .orElseThrow(() -> ApiError.badRequest("missing_id", "Give the report's id as id."));
        String id = ReportIds.validate(raw.strip());
        int topk = number(single(ctx, "topk"), 20, MAX_TOPK, "topk");
        String videoId = d.reports().resolve(id).orElseThrow(() -> ApiError.notFound("No report with id '" + id + "'."));
        ObjectNode out = d.mapper().createObjectNode().put("source_id", videoId);
        Optional<List<SemanticSearch.Scored>> similar = search.inLane(() -> {
            Optional<List<SemanticSearch.Scored>> nearest = search.related(videoId, ReportFilter.none(), topk);
            out.set("results", results(nearest.orElse(List.of()), false));
            return nearest;
        });
        out.put("count", similar.map(List::size).orElse(0)).put("available", similar.isPresent());
        if (similar.isEmpty()) out.put("error", search.unavailable().orElse("this report has no vector yet"));
        ctx.json(out);
    }

    /** What the dashboard shows while reports are being embedded. */
    public void status(Context ctx) {
        ObjectNode out = d.mapper().createObjectNode().put("provider", provider).put("model", model);
        Optional<String> off = search.unavailable();
        out.put("available", off.isEmpty()).put("reason", off.orElse(null)).put("indexed", search.indexed())
                .put("index_bytes", search.indexBytes()).put("index_kind", search.indexKind());
        search.queryCache().ifPresent(c -> out.putObject("query_cache").put("size", c.size()).put("capacity", c.capacity())
                .put("hits", c.hits()).put("misses", c.misses()));
        EmbeddingStore.Coverage coverage = d.store().coverage(model);
        out.put("embedded", coverage.embedded()).put("reports", coverage.reports());
        Map<String, Long> jobs = d.jobs().countByState(Job.EMBED);
        long queued = jobs.getOrDefault(Job.QUEUED, 0L);
        long running = jobs.getOrDefault(Job.RUNNING, 0L);
        out.putObject("jobs").put("queued", queued).put("running", running).put("failed", jobs.getOrDefault(Job.FAILED, 0L));
        out.put("backfilling", SemanticConfig.OFF.equals(provider) ? false : queued + running > 0);
        ctx.json(out);
    }

    /** The ranking's reports in order, each with its score (and fused score) for its row. */
    private List<ReportRoutes.Ranked> ranked(List<SemanticSearch.Scored> ranked) {
        return ranked.stream().map(r -> {
            ObjectNode extra = d.mapper().createObjectNode().put("score", round(r.score()));
            if (r.rrf() != null) extra.put("rrf_score", round(r.rrf()));
            return new ReportRoutes.Ranked(r.videoId(), extra);
        }).toList();
    }

    private static void annotate(ArrayNode rows, List<SemanticSearch.Scored> ranked) {
        Map<String, SemanticSearch.Scored> byId = new HashMap<>();
        ranked.forEach(r -> byId.put(r.videoId(), r));
        rows.forEach(n -> {
            SemanticSearch.Scored s = byId.get(n.path("video_id").asText());
            if (s == null) return;
            ((ObjectNode) n).put("score", round(s.score()));
            if (s.rrf() != null) ((ObjectNode) n).put("rrf_score", round(s.rrf()));
        });
    }

    /** The existing clients' result shape. */
    private ArrayNode results(List<SemanticSearch.Scored> ranked, boolean hybrid) {
        ArrayNode out = d.mapper().createArrayNode();
        if (ranked.isEmpty()) return out;
        Map<String, EmbeddingStore.Source> sources = d.store().jdbi().withHandle(h ->
                        d.store().sources(h, ranked.stream().map(SemanticSearch.Scored::videoId).toList())).stream()
                .collect(Collectors.toMap(s -> s.text().videoId(), Function.identity()));
        for (SemanticSearch.Scored r : ranked) {
            EmbeddingStore.Source s = sources.get(r.videoId());
            if (s == null) continue;
            ObjectNode n = out.addObject().put("id", r.videoId()).put("score", round(hybrid ? r.rrf() : r.score()))
                    .put("title", s.title()).put("source", s.contentSource()).put("channel", s.channel())
                    .put("snippet", snippet(s.summary()));
            if (hybrid) n.put("rrf_score", round(r.rrf()));
        }
        return out;
    }

    static String snippet(String summary) {
        if (summary == null) return "";
        String text = summary.strip();
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static int number(String raw, int fallback, int max, String name) {
        if (raw == null || raw.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= max) return n;
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw ApiError.badRequest("invalid_" + name, "'" + name + "' must be a whole number from 1 to " + max + ".");
    }

    private static String single(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) throw ApiError.badRequest("invalid_" + name, "Give '" + name + "' once.");
        return values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, List<String>> withoutPaging(Map<String, List<String>> params) {
        Map<String, List<String>> out = new HashMap<>(params);
        out.keySet().removeAll(List.of("size", "page", "sort", "q"));
        return out;
    }
}
