package dev.ytv2.content;

import dev.ytv2.content.ReportFilter.Facet;

import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The FROM and WHERE clauses over `report_index r` (joined to `report_search s` for a search) for a
 * filter, with its bind values, composed from typed pieces: how the search matches, and one term per
 * filter. A facet's counts are taken with its own filter left out, so picking one source still shows
 * the counts of the others. A record of values, so it serves as a cache key as it is.
 *
 * @param match      how the search text is matched (NONE without one)
 * @param viaIndex   the match is looked up in the search index first, in a sub-select (see {@link #searchIndexFirst})
 * @param q          the search text
 * @param terms      the other filters, ANDed
 * @param bindSuffix appended to every bind name, so several of these can share one statement
 */
public record ReportWhere(Match match, boolean viaIndex, Optional<String> q, List<Term> terms, String bindSuffix) {
    static final String TSQUERY = "websearch_to_tsquery('english', :q)";
    static final String SEARCH_MATCH = "s.search_vector @@ " + TSQUERY;
    static final String TITLE_MATCH = "s.title_vector @@ " + TSQUERY;
    static final String SEARCH_FROM = "report_index r JOIN report_search s ON s.video_id = r.video_id";

    /** Which of the search vectors must match. */
    public enum Match {
        NONE(null),
        SEARCH(SEARCH_MATCH),
        /** Title (or channel) matches only: the title vector is the first part of the search vector. */
        TITLE(TITLE_MATCH),
        /** With a negation ("-word") a title match need not be a match, so both are tested. */
        SEARCH_AND_TITLE(SEARCH_MATCH + " AND " + TITLE_MATCH),
        SEARCH_NOT_TITLE(SEARCH_MATCH + " AND NOT (" + TITLE_MATCH + ")");

        private final String sql;

        Match(String sql) {
            this.sql = sql;
        }
    }

    /**
     * One filter condition over `report_index r`: `sql` names its bind as `:%1$s`, and `value` is a
     * String list (bound as an array), a Boolean or an OffsetDateTime.
     */
    public record Term(String sql, String name, Object value) {
        String render(String suffix) {
            return sql.formatted(name + suffix);
        }

        Object bindValue() {
            return value instanceof List<?> l ? l.toArray(String[]::new) : value;
        }
    }

    /**
     * For a word most reports contain, the planner prefers reading `report_search` whole and testing
     * each row, which unpacks every large stored vector (seconds at 100,000 reports); the GIN index
     * answers the same match from its posting lists alone. Called inside the search's transaction.
     */
    static void preferIndexesForSearch(Handle h) {
        h.execute(PREFER_INDEXES_FOR_SEARCH);
    }

    static final String PREFER_INDEXES_FOR_SEARCH = "SET LOCAL enable_seqscan = off";

    public static ReportWhere of(ReportFilter f, Facet except) {
        List<Term> terms = new ArrayList<>();
        any(terms, except != Facet.SOURCE, "r.content_source = ANY(:%s)", "sources", f.sources());
        any(terms, except != Facet.CATEGORY_TREE, "r.categories && CAST(:%s AS text[])", "categories", f.categories());
        any(terms, except != Facet.CATEGORY_TREE, "r.subcategories && CAST(:%s AS text[])", "subcategories", f.subcategories());
        any(terms, except != Facet.CHANNEL, "r.channel_name = ANY(:%s)", "channels", f.channels());
        any(terms, except != Facet.LANGUAGE, "r.language = ANY(:%s)", "languages", f.languages());
        any(terms, except != Facet.CONTENT_TYPE, "r.content_type = ANY(:%s)", "contentTypes", f.contentTypes());
        any(terms, except != Facet.SUMMARY_TYPE, "r.summary_types && CAST(:%s AS text[])", "summaryTypes", f.summaryTypes());
        any(terms, true, "r.video_id = ANY(:%s)", "ids", f.ids());
        if (except != Facet.HAS_AUDIO) f.hasAudio().ifPresent(h -> terms.add(new Term("r.has_audio = :%s", "hasAudio", h)));
        f.dateFrom().ifPresent(d -> terms.add(new Term("r.published_at >= :%s", "dateFrom", d)));
        f.dateTo().ifPresent(d -> terms.add(new Term("r.published_at <= :%s", "dateTo", d)));
        return new ReportWhere(f.q().isPresent() ? Match.SEARCH : Match.NONE, false, f.q(), List.copyOf(terms), "");
    }

    private static void any(List<Term> terms, boolean apply, String sql, String name, List<String> values) {
        if (apply && !values.isEmpty()) terms.add(new Term(sql, name, List.copyOf(values)));
    }

    boolean searches() {
        return match != Match.NONE;
    }

    /** The same clauses with every bind renamed `name + suffix`. */
    ReportWhere withBindSuffix(String suffix) {
        return new ReportWhere(match, viaIndex, q, terms, suffix);
    }

    /**
     * The search's matches in the title (or channel). Without a negation ("-word") a title match is a
     * match, so only the small vector needs testing.
     */
    ReportWhere titleMatches() {
        return new ReportWhere(q.orElseThrow().contains("-") ? Match.SEARCH_AND_TITLE : Match.TITLE, false, q, terms, bindSuffix);
    }

    /** The search's matches outside the title. */
    ReportWhere notInTitle() {
        return new ReportWhere(Match.SEARCH_NOT_TITLE, false, q, terms, bindSuffix);
    }

    /**
     * The same matches, found through the search index first and only then filtered and sorted
     * (`OFFSET 0` keeps the planner from merging the two). For a word few reports contain the
     * planner may otherwise walk the sort order's index and test every report on the way.
     */
    ReportWhere searchIndexFirst() {
        return new ReportWhere(match, true, q, terms, bindSuffix);
    }

    /**
     * The search's matches with, for each, whether its title (or channel) matches and how well, so
     * one statement can order every match by relevance (see ReportStore). Filters go in {@link #sql}
     * of {@link #searchIndexFirst}.
     */
    static String rankedMatches() {
        return "SELECT s.video_id, " + TITLE_MATCH + " AS in_title, ts_rank(s.title_vector, " + TSQUERY
                + ", 32) AS title_rank FROM report_search s WHERE " + SEARCH_MATCH;
    }

    public String from() {
        if (match == Match.NONE) return "report_index r";
        if (!viaIndex) return SEARCH_FROM;
        return "report_index r JOIN (SELECT s.video_id FROM report_search s WHERE " + match.sql + " OFFSET 0) s ON s.video_id = r.video_id";
    }

    public String sql() {
        List<String> parts = new ArrayList<>();
        if (match != Match.NONE && !viaIndex) parts.add(match.sql);
        for (Term t : terms) parts.add(t.render(bindSuffix));
        return parts.isEmpty() ? "TRUE" : String.join(" AND ", parts);
    }

    public Map<String, Object> binds() {
        Map<String, Object> out = new HashMap<>();
        q.filter(x -> searches()).ifPresent(text -> out.put("q", text));
        for (Term t : terms) out.put(t.name() + bindSuffix, t.bindValue());
        return out;
    }

    /** `SELECT count(*)` of these matches; a search with no other filter counts the search table alone, skipping a join per match. */
    String countSql() {
        String from = searches() && !viaIndex && terms.isEmpty() ? "report_search s" : from();
        return "SELECT count(*) FROM " + from + " WHERE " + sql();
    }
}
