package dev.ytv2.content;

import dev.ytv2.content.ReportFilter.Facet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Facet values with counts for `/api/filters`. Each facet is counted under every active filter but
 * its own, in one round trip (one UNION ALL), over the narrow `report_index`.
 */
public final class FacetStore implements AutoCloseable {
    private static final int MAX_CHANNELS = 200;
    private final Jdbi jdbi;
    // Facets of a large library take half a second to count; while the library changes (ingest),
    // the last counts are answered for up to two seconds as the new ones are counted behind them.
    private final VersionedCache<ReportFilter, Facets> cache = new VersionedCache<>(2_000,
            Duration.ofMillis(100), Duration.ofSeconds(2), System::nanoTime);
    private final ExecutorService recount = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "facets-recount");
        t.setDaemon(true);
        return t;
    });

    public FacetStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One facet value and how many reports have it. */
    public record Count<T>(T value, long count) {
    }

    /** A category with its count and its subcategories' counts. */
    public record CategoryCount(String value, long count, List<Count<String>> subcategories) {
    }

    /** Every facet's values, most common first. */
    public record Facets(List<Count<String>> sources, List<CategoryCount> categories, List<Count<String>> channels,
                         List<Count<String>> languages, List<Count<String>> contentTypes, List<Count<String>> summaryTypes,
                         List<Count<Boolean>> hasAudio) {
    }

    private record Part(String name, Facet facet, String valueSql, boolean unnest, int limit) {
    }

    private static final List<Part> PARTS = List.of(
            new Part("source", Facet.SOURCE, "r.content_source", false, 50),
            new Part("categories", Facet.CATEGORY_TREE, "r.categories", true, 200),
            new Part("subcategories", Facet.CATEGORY_TREE, "r.category_pairs", true, 1000),
            new Part("channels", Facet.CHANNEL, "r.channel_name", false, MAX_CHANNELS),
            new Part("languages", Facet.LANGUAGE, "r.language", false, 100),
            new Part("content_type", Facet.CONTENT_TYPE, "r.content_type", false, 100),
            new Part("summary_type", Facet.SUMMARY_TYPE, "r.summary_types", true, 100),
            new Part("has_audio", Facet.HAS_AUDIO, "r.has_audio::text", false, 2));

    public Facets facets(ReportFilter filter) {
        long version = jdbi.withHandle(ReportStore::libraryVersion);
        return cache.getAllowingStale(filter, version, () -> jdbi.inTransaction(h -> compute(h, filter)), recount);
    }

    /** Stops recounts in progress, before the database they read goes away. */
    @Override
    public void close() {
        recount.shutdownNow();
    }

    private Facets compute(Handle h, ReportFilter filter) {
        // With a search, its matches are found once and every facet counts over them; the other
        // filters differ per facet and are applied to those rows.
        boolean search = filter.q().isPresent();
        ReportFilter perFacet = search ? filter.withoutSearch() : filter;
        List<String> selects = new ArrayList<>();
        Map<String, Object> binds = new HashMap<>();
        for (int i = 0; i < PARTS.size(); i++) {
            Part part = PARTS.get(i);
            // Each part's binds are named apart (sources_0, sources_3...): one statement holds them all.
            ReportWhere where = ReportWhere.of(perFacet, part.facet()).withBindSuffix("_" + i);
            String sql = where.sql();
            binds.putAll(where.binds());
            String value = part.unnest() ? "unnest(" + part.valueSql() + ")" : part.valueSql();
            selects.add("""
                    (SELECT %d AS part, v AS value, count(*) AS n FROM (SELECT %s AS v FROM %s WHERE %s) x
                     WHERE v IS NOT NULL GROUP BY v ORDER BY count(*) DESC, v LIMIT %d)"""
                    .formatted(i, value, search ? "matches r" : where.from(), sql, part.limit()));
        }
        String query = String.join("\nUNION ALL\n", selects);
        if (search) {
            ReportWhere.preferIndexesForSearch(h);
            // The matches of a common word are most of the library; keep them in memory.
            h.execute("SET LOCAL work_mem = '64MB'");
            query = "WITH matches AS MATERIALIZED (SELECT r.* FROM " + ReportWhere.SEARCH_FROM
                    + " WHERE " + ReportWhere.SEARCH_MATCH + ")\n" + query;
            binds.put("q", filter.q().get());
        }
        Map<String, List<Count<String>>> rows = new LinkedHashMap<>();
        PARTS.forEach(p -> rows.put(p.name(), new ArrayList<>()));
        h.createQuery(query).bindMap(binds)
                .map((rs, ctx) -> Map.entry(PARTS.get(rs.getInt(1)).name(), new Count<>(rs.getString(2), rs.getLong(3))))
                .forEach(row -> rows.get(row.getKey()).add(row.getValue()));
        return facets(rows);
    }

    private static Facets facets(Map<String, List<Count<String>>> rows) {
        Map<String, List<Count<String>>> subsByCategory = new HashMap<>();
        for (Count<String> pair : rows.get("subcategories")) {
            String[] parts = pair.value().split("\u001f", 2);
            if (parts.length == 2) subsByCategory.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(new Count<>(parts[1], pair.count()));
        }
        List<CategoryCount> categories = rows.get("categories").stream()
                .map(c -> new CategoryCount(c.value(), c.count(), List.copyOf(subsByCategory.getOrDefault(c.value(), List.of()))))
                .toList();
        List<Count<Boolean>> audio = rows.get("has_audio").stream()
                .map(c -> new Count<>(Boolean.parseBoolean(c.value()), c.count())).toList();
        return new Facets(List.copyOf(rows.get("source")), categories, List.copyOf(rows.get("channels")),
                List.copyOf(rows.get("languages")), List.copyOf(rows.get("content_type")), List.copyOf(rows.get("summary_type")), audio);
    }
}
