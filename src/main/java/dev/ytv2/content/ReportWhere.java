package dev.ytv2.content;

import dev.ytv2.content.ReportFilter.Facet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The FROM and WHERE clauses over `report_index r` (joined to `report_search s` for a search) for a filter, with its bind values. A facet's counts are
 * taken with its own filter left out, so picking one source still shows the counts of the others.
 */
public record ReportWhere(String from, String sql, Map<String, Object> binds) {
    static final String TSQUERY = "websearch_to_tsquery('english', :q)";

    public static ReportWhere of(ReportFilter f, Facet except) {
        List<String> terms = new ArrayList<>();
        Map<String, Object> binds = new HashMap<>();
        f.q().ifPresent(q -> {
            terms.add("s.search_vector @@ " + TSQUERY);
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
        String from = f.q().isPresent() ? "report_index r JOIN report_search s ON s.video_id = r.video_id" : "report_index r";
        return new ReportWhere(from, terms.isEmpty() ? "TRUE" : String.join(" AND ", terms), binds);
    }

    private static void any(List<String> terms, Map<String, Object> binds, boolean apply, String sql, String name,
                            List<String> values) {
        if (!apply || values.isEmpty()) return;
        terms.add(sql);
        binds.put(name, values.toArray(String[]::new));
    }
}
