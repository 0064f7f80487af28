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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Executors;

/**
 * Facet values with counts for `/api/filters`. Each facet is counted under every active filter but
 * its own, in one round trip (one UNION ALL), over the narrow `report_index`. Counts without a
 * search are kept whole per filter with the snapshot they were read in, and brought up to date by
 * the changes logged since ({@link IndexChangeLog}): after an ingest, a few rows are summed instead
 * of the library recounted. A search's matches are not in the log; its counts are recounted.
 */
public final class FacetStore implements AutoCloseable {
    private static final int MAX_CHANNELS = 200;
    private final Jdbi jdbi;
    // Search facets of a large library take a while to count; while the library changes (ingest),
    // the last counts are answered for up to two seconds as the new ones are counted behind them.
    private final VersionedCache<ReportFilter, Facets> searches = new VersionedCache<>(2_000,
            Duration.ofMillis(100), Duration.ofSeconds(2), System::nanoTime);
    private final ExecutorService recount = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "facets-recount");
        t.setDaemon(true);
        return t;
    });
    /** Whole counts (every value) per filter, least recently used out first; about 100 KB each. */
    private final Map<ReportFilter, Counted> counted = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ReportFilter, Counted> eldest) {
            return size() > 256;
        }
    };
    /** Whole counts being read, so that concurrent first asks of one filter count it once. */
    private final ConcurrentHashMap<ReportFilter, CompletableFuture<Counted>> counting = new ConcurrentHashMap<>();
    private final AtomicLong wholeCounts = new AtomicLong();

    public FacetStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Every value of every part with its count, as of `snapshot`, in which the library version was
     * `version`. Every change to report_index moves the version in its transaction, so while the
     * version stays, the counts stay current (image writes change the snapshot, not the counts).
     */
    private record Counted(String snapshot, long version, Map<String, Map<String, Long>> counts, Facets facets) {
        Counted(String snapshot, long version, Map<String, Map<String, Long>> counts) {
            this(snapshot, version, counts, facetsOf(counts));
        }

        Counted plus(String later, long laterVersion, Map<String, Map<String, Long>> delta) {
            Map<String, Map<String, Long>> out = new HashMap<>();
            counts.forEach((part, values) -> out.put(part, new HashMap<>(values)));
            delta.forEach((part, values) -> {
                Map<String, Long> into = out.computeIfAbsent(part, k -> new HashMap<>());
                values.forEach((value, n) -> {
                    if (into.merge(value, n, Long::sum) <= 0) into.remove(value);
                });
            });
            return new Counted(later, laterVersion, out);
        }

        /** The answer, sorted and cut once: a kept count is asked far more often than it changes. */
        private static Facets facetsOf(Map<String, Map<String, Long>> counts) {
            Map<String, List<Count<String>>> rows = new LinkedHashMap<>();
            for (Part part : PARTS) {
                rows.put(part.name(), counts.getOrDefault(part.name(), Map.of()).entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .limit(part.limit())
                        .map(e -> new Count<>(e.getKey(), e.getValue()))
                        .toList());
            }
            return FacetStore.facets(rows);
        }
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
        if (filter.q().isPresent()) {
            long version = jdbi.withHandle(ReportStore::libraryVersion);
            return searches.getAllowingStale(filter, version, () -> jdbi.inTransaction(h -> searchFacets(h, filter)), recount);
        }
        Counted known = known(filter);
        if (known != null && known.version() == jdbi.withHandle(ReportStore::libraryVersion)) return known.facets();
        return current(filter, known).facets();
    }

    /** Stops recounts in progress, before the database they read goes away. */
    @Override
    public void close() {
        recount.shutdownNow();
    }

    /** How many times counts without a search were read whole rather than brought up to date. */
    long wholeCounts() {
        return wholeCounts.get();
    }

    private synchronized Counted known(ReportFilter filter) {
        return counted.get(filter);
    }

    private synchronized void keep(ReportFilter filter, Counted c) {
        counted.put(filter, c);
    }

    /** The counts as of now: `known` plus the changes it did not see, else counted whole. */
    private Counted current(ReportFilter filter, Counted known) {
        if (known != null) {
            Optional<Counted> advanced = SnapshotRead.read(jdbi, (h, snapshot) -> {
                String now = snapshot.text();
                long version = snapshot.libraryVersion();
                if (version == known.version()) return Optional.of(known);
                if (!IndexChangeLog.covers(h, known.snapshot())) return Optional.<Counted>empty();
                Map<String, Object> binds = new HashMap<>();
                binds.put(IndexChangeLog.SINCE, known.snapshot());
                return Optional.of(known.plus(now, version, count(h, filter, true, binds)));
            });
            if (advanced.isPresent()) {
                keep(filter, advanced.get());
                return advanced.get();
            }
        }
        CompletableFuture<Counted> mine = new CompletableFuture<>();
        CompletableFuture<Counted> running = counting.putIfAbsent(filter, mine);
        if (running != null) return current(filter, running.join());
        try {
            wholeCounts.incrementAndGet();
            Counted whole = SnapshotRead.read(jdbi, (h, snapshot) ->
                    new Counted(snapshot.text(), snapshot.libraryVersion(), count(h, filter, false, new HashMap<>())));
            keep(filter, whole);
            mine.complete(whole);
            return whole;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            counting.remove(filter, mine);
        }
    }

    /**
     * Every value of every part with its count, each part under the filter without its own facet:
     * over report_index, or with `changes`, the sum of the signs of the logged changes not seen in
     * the snapshot bound as {@link IndexChangeLog#SINCE}.
     */
    private static Map<String, Map<String, Long>> count(Handle h, ReportFilter filter, boolean changes, Map<String, Object> binds) {
        List<String> selects = new ArrayList<>();
        for (int i = 0; i < PARTS.size(); i++) {
            Part part = PARTS.get(i);
            ReportWhere where = ReportWhere.of(filter, part.facet()).withBindSuffix("_" + i);
            binds.putAll(where.binds());
            String value = part.unnest() ? "unnest(" + part.valueSql() + ")" : part.valueSql();
            selects.add(changes
                    ? "(SELECT %d AS part, v AS value, sum(sign) AS n FROM (SELECT %s AS v, r.sign FROM %s AND %s) x WHERE v IS NOT NULL GROUP BY v)"
                            .formatted(i, value, IndexChangeLog.unseenSince(), where.sql())
                    : "(SELECT %d AS part, v AS value, count(*) AS n FROM (SELECT %s AS v FROM %s WHERE %s) x WHERE v IS NOT NULL GROUP BY v)"
                            .formatted(i, value, where.from(), where.sql()));
        }
        Map<String, Map<String, Long>> out = new HashMap<>();
        h.createQuery(String.join("\nUNION ALL\n", selects)).bindMap(binds)
                .map((rs, ctx) -> Map.entry(rs.getInt(1), Map.entry(rs.getString(2), rs.getLong(3))))
                .forEach(row -> out.computeIfAbsent(PARTS.get(row.getKey()).name(), k -> new HashMap<>())
                        .put(row.getValue().getKey(), row.getValue().getValue()));
        return out;
    }

    private Facets searchFacets(Handle h, ReportFilter filter) {
        // The search's matches are found once and every facet counts over them; the other filters
        // differ per facet and are applied to those rows.
        ReportFilter perFacet = filter.withoutSearch();
        List<String> selects = new ArrayList<>();
        Map<String, Object> binds = new HashMap<>();
        for (int i = 0; i < PARTS.size(); i++) {
            Part part = PARTS.get(i);
            // Each part's binds are named apart (sources_0, sources_3...): one statement holds them all.
            ReportWhere where = ReportWhere.of(perFacet, part.facet()).withBindSuffix("_" + i);
            binds.putAll(where.binds());
            String value = part.unnest() ? "unnest(" + part.valueSql() + ")" : part.valueSql();
            selects.add("""
                    (SELECT %d AS part, v AS value, count(*) AS n FROM (SELECT %s AS v FROM matches r WHERE %s) x
                     WHERE v IS NOT NULL GROUP BY v ORDER BY count(*) DESC, v LIMIT %d)"""
                    .formatted(i, value, where.sql(), part.limit()));
        }
        ReportWhere.preferIndexesForSearch(h);
        // The matches of a common word are most of the library; keep them in memory.
        h.execute("SET LOCAL work_mem = '64MB'");
        String query = "WITH matches AS MATERIALIZED (SELECT r.* FROM " + ReportWhere.SEARCH_FROM
                + " WHERE " + ReportWhere.SEARCH_MATCH + ")\n" + String.join("\nUNION ALL\n", selects);
        binds.put("q", filter.q().get());
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
