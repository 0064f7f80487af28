package dev.ytv2.content;

import dev.ytv2.content.ReportFilter.Facet;

import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The FROM and WHERE clauses over `report_index r` (joined to `report_search s` for a search) for a filter, with its bind values. A facet's counts are
 * taken with its own filter left out, so picking one source still shows the counts of the others.
 */
public record ReportWhere(String from, String sql, Map<String, Object> binds) {
    static final String TSQUERY = "websearch_to_tsquery('english', :q)";
    private static final Pattern REPORT_INDEX_COLUMN = Pattern.compile("\\br\\.");
    static final String SEARCH_MATCH = "s.search_vector @@ " + TSQUERY;
    static final String TITLE_MATCH = "s.title_vector @@ " + TSQUERY;
    static final String SEARCH_FROM = "report_index r JOIN report_search s ON s.video_id = r.video_id";

    /**
     * For a word most reports contain, the planner prefers reading `report_search` whole and testing
     * each row, which unpacks every large stored vector (seconds at 100,000 reports); the GIN index
     * answers the same match from its posting lists alone. Called inside the search's transaction.
     */
    static void preferIndexesForSearch(Handle h) {
        h.execute("SET LOCAL enable_seqscan = off");
    }

    /** The same filter with one more condition. */
    ReportWhere and(String condition) {
        return new ReportWhere(from, sql + " AND " + condition, binds);
    }

    /**
     * The search's matches in the title (or channel). The title vector is the first part of the
     * search vector, so without a negation ("-word") a title match is a match, and only the small
     * vector needs testing.
     */
    ReportWhere titleMatches() {
        String q = (String) binds.get("q");
        return q.contains("-") ? and(TITLE_MATCH) : new ReportWhere(from, sql.replace(SEARCH_MATCH, TITLE_MATCH), binds);
    }

    /**
     * The same matches, found through the search index first and only then filtered and sorted
     * (`OFFSET 0` keeps the planner from merging the two). For a word few reports contain the
     * planner may otherwise walk the sort order's index and test every report on the way.
     */
    ReportWhere searchIndexFirst(String searchCondition) {
        String matches = "(SELECT s.video_id FROM report_search s WHERE " + SEARCH_MATCH + " AND " + searchCondition
                + " OFFSET 0) s";
        return new ReportWhere("report_index r JOIN " + matches + " ON s.video_id = r.video_id",
                sql.replace(SEARCH_MATCH, "TRUE"), binds);
    }

    /** A search with no other filter is counted on the search table alone, skipping a join per match. */
    ReportWhere forCount() {
        return searches() && !REPORT_INDEX_COLUMN.matcher(sql).find() ? new ReportWhere("report_search s", sql, binds) : this;
    }

    boolean searches() {
        return binds.containsKey("q");
    }

    public static ReportWhere of(ReportFilter f, Facet except) {
        List<String> terms = new ArrayList<>();
        Map<String, Object> binds = new HashMap<>();
        f.q().ifPresent(q -> {
            terms.add(SEARCH_MATCH);
            binds.put("q", q);
        });
        any(terms, binds, except != Facet.SOURCE, "r.content_source = ANY(:sources)", "sources", f.sources());
        any(terms, binds, except != Facet.CATEGORY_TREE, "r.categories && CAST(:categories AS text[])", "categories", f.categories());
        any(terms, binds, except != Facet.CATEGORY_TREE, "r.subcategories && CAST(:subcategories AS text[])", "subcategories", f.subcategories());
        any(terms, binds, except != Facet.CHANNEL, "r.channel_name = ANY(:channels)", "channels", f.channels());
        any(terms, binds, except != Facet.LANGUAGE, "r.language = ANY(:languages)", "languages", f.languages());
        any(terms, binds, except != Facet.CONTENT_TYPE, "r.content_type = ANY(:contentTypes)", "contentTypes", f.contentTypes());
        any(terms, binds, except != Facet.SUMMARY_TYPE, "r.summary_types && CAST(:summaryTypes AS text[])", "summaryTypes", f.summaryTypes());
        any(terms, binds, true, "r.video_id = ANY(:ids)", "ids", f.ids());
        if (except != Facet.HAS_AUDIO) {
            f.hasAudio().ifPresent(h -> {
                terms.add("r.has_audio = :hasAudio");
                binds.put("hasAudio", h);
            });
        }
        f.dateFrom().ifPresent(d -> {
            terms.add("r.published_at >= :dateFrom");
            binds.put("dateFrom", d);
        });
        f.dateTo().ifPresent(d -> {
            terms.add("r.published_at <= :dateTo");
            binds.put("dateTo", d);
        });
        String from = f.q().isPresent() ? SEARCH_FROM : "report_index r";
        return new ReportWhere(from, terms.isEmpty() ? "TRUE" : String.join(" AND ", terms), binds);
    }

    private static void any(List<String> terms, Map<String, Object> binds, boolean apply, String sql, String name,
                            List<String> values) {
        if (!apply || values.isEmpty()) return;
        terms.add(sql);
        binds.put(name, values.toArray(String[]::new));
    }
}
