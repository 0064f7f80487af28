package dev.ytv2.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private final ObjectMapper mapper;
    // Facets of a large library take half a second to count; while the library changes (ingest),
    // the last counts are answered for up to two seconds as the new ones are counted behind them.
    private final VersionedCache<ReportFilter, ObjectNode> cache = new VersionedCache<>(2_000,
            Duration.ofMillis(100), Duration.ofSeconds(2), System::nanoTime);
    private final ExecutorService recount = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "facets-recount");
        t.setDaemon(true);
        return t;
    });

    public FacetStore(Jdbi jdbi, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.mapper = mapper;
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

    public ObjectNode facets(ReportFilter filter) {
        long version = jdbi.withHandle(ReportStore::libraryVersion);
        return cache.getAllowingStale(filter, version, () -> jdbi.inTransaction(h -> compute(h, filter)), recount);
    }

    /** Stops recounts in progress, before the database they read goes away. */
    @Override
    public void close() {
        recount.shutdownNow();
    }

    private ObjectNode compute(Handle h, ReportFilter filter) {
        // With a search, its matches are found once and every facet counts over them; the other
        // filters differ per facet and are applied to those rows.
        boolean search = filter.q().isPresent();
        ReportFilter perFacet = search ? filter.withoutSearch() : filter;
        List<String> selects = new ArrayList<>();
        Map<String, Object> binds = new HashMap<>();
        for (int i = 0; i < PARTS.size(); i++) {
            Part part = PARTS.get(i);
            ReportWhere where = ReportWhere.of(perFacet, part.facet());
            String sql = where.sql();
            for (Map.Entry<String, Object> bind : where.binds().entrySet()) {
                String renamed = bind.getKey() + "_" + i;
                sql = sql.replaceAll(":" + bind.getKey() + "\\b", ":" + renamed);
                binds.put(renamed, bind.getValue());
            }
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
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        PARTS.forEach(p -> rows.put(p.name(), new ArrayList<>()));
        h.createQuery(query).bindMap(binds)
                .map((rs, ctx) -> new Object[]{rs.getInt(1), rs.getString(2), rs.getLong(3)})
                .forEach(row -> rows.get(PARTS.get((Integer) row[0]).name()).add(row));
        return render(rows);
    }

    private ObjectNode render(Map<String, List<Object[]>> rows) {
        ObjectNode out = mapper.createObjectNode();
        out.set("source", values(rows.get("source")));
        ArrayNode categories = out.putArray("categories");
        Map<String, ArrayNode> subsByCategory = new HashMap<>();
        for (Object[] row : rows.get("categories")) {
            ObjectNode c = categories.addObject();
            c.put("value", (String) row[1]);
            c.put("count", (Long) row[2]);
            subsByCategory.put((String) row[1], c.putArray("subcategories"));
        }
        for (Object[] row : rows.get("subcategories")) {
            String[] pair = ((String) row[1]).split("\u001f", 2);
            ArrayNode subs = subsByCategory.get(pair[0]);
            if (subs != null && pair.length == 2) subs.addObject().put("value", pair[1]).put("count", (Long) row[2]);
        }
        out.set("channels", values(rows.get("channels")));
        out.set("languages", values(rows.get("languages")));
        out.set("content_type", values(rows.get("content_type")));
        out.set("summary_type", values(rows.get("summary_type")));
        ArrayNode audio = out.putArray("has_audio");
        for (Object[] row : rows.get("has_audio")) {
            audio.addObject().put("value", Boolean.parseBoolean((String) row[1])).put("count", (Long) row[2]);
        }
        return out;
    }

    private ArrayNode values(List<Object[]> rows) {
        ArrayNode out = mapper.createArrayNode();
        for (Object[] row : rows) out.addObject().put("value", (String) row[1]).put("count", (Long) row[2]);
        return out;
    }
}
