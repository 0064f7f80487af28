package dev.ytv2.content;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** What `/api/reports` and `/api/filters` narrow by; every list is OR within, AND across. */
public record ReportFilter(
        Optional<String> q,
        List<String> sources,
        List<String> categories,
        List<String> subcategories,
        List<String> channels,
        List<String> languages,
        List<String> contentTypes,
        List<String> summaryTypes,
        Optional<Boolean> hasAudio,
        List<String> ids,
        Optional<OffsetDateTime> dateFrom,
        Optional<OffsetDateTime> dateTo) {

    /** The facets, so a facet's counts can be taken under every other filter but its own. */
    /** CATEGORY_TREE: categories and their subcategories, counted as one nested facet. */
    public enum Facet { SOURCE, CATEGORY_TREE, CHANNEL, LANGUAGE, CONTENT_TYPE, SUMMARY_TYPE, HAS_AUDIO, NONE }

    public ReportFilter withoutSearch() {
        return new ReportFilter(Optional.empty(), sources, categories, subcategories, channels, languages, contentTypes,
                summaryTypes, hasAudio, ids, dateFrom, dateTo);
    }

    public static ReportFilter none() {
        return new ReportFilter(Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }
}
