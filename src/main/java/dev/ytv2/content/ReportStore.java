package dev.ytv2.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads of `content` and `content_summaries`: the card list, one report, and id resolution. */
public final class ReportStore {
    private final Jdbi jdbi;
    private final ReportJson json;
    // Counts are kept apart from pages: every page and sort of one filter shares its count.
    private final VersionedCache<String, Long> counts = new VersionedCache<>(5_000);
    // Which reports a page shows, never the rows themselves, whose image fields change without the
    // library version moving.
    private final VersionedCache<String, List<String>> pages = new VersionedCache<>(5_000);

    public ReportStore(Jdbi jdbi, ReportJson json) {
        this.jdbi = jdbi;
        this.json = json;
    }

    public record Page(List<ObjectNode> reports, int page, int size, long total) {
        public int pages() {
            return (int) ((total + size - 1) / size);
        }
    }

    public Page list(ReportRequest request) {
        return jdbi.inTransaction(h -> {
            IdPage p = idPage(h, request);
            return new Page(rows(h, p.ids()), request.page(), request.size(), p.total());
        });
    }

    /** Which reports a page shows, in order, without building their rows (semantic search fuses these). */
    public List<String> pageIds(ReportRequest request) {
        return jdbi.inTransaction(h -> idPage(h, request).ids());
    }

    private record IdPage(List<String> ids, long total) {
    }

    private IdPage idPage(Handle h, ReportRequest request) {
        ReportWhere where = ReportWhere.of(request.filter(), ReportFilter.Facet.NONE);
        String filterKey = where.from() + "|" + where.sql() + "|" + bindsKey(where.binds());
        String pageKey = filterKey + "|" + request.sort() + "|" + request.page() + "|" + request.size();
        if (where.searches()) ReportWhere.preferIndexesForSearch(h);
        long version = libraryVersion(h);
        long total = count(h, version, filterKey, where);
        List<String> ids = total == 0 ? List.of() : pages.get(pageKey, version, () ->
                request.sort() == ReportSort.RELEVANCE
                        ? rankedIds(h, version, filterKey, where, total, request)
                        : ids(h, where, request.sort().orderBy(), request.size(), offset(request)));
        return new IdPage(ids, total);
    }

    private long count(Handle h, long version, String key, ReportWhere where) {
        return counts.get(key, version, () -> {
            ReportWhere counted = where.forCount();
            return h.createQuery("SELECT count(*) FROM " + counted.from() + " WHERE " + counted.sql())
                    .bindMap(counted.binds()).mapTo(Long.class).one();
        });
    }

    /**
     * Title (and channel) matches first, best ranked first, then every other match newest first. Two
     * queries instead of one ranked sort, so a word in most of the library never ranks all of it.
     */
    private List<String> rankedIds(Handle h, long version, String filterKey, ReportWhere where, long total,
                                   ReportRequest request) {
        ReportWhere inTitle = where.titleMatches();
        long titleMatches = count(h, version, filterKey + "|title", inTitle);
        long offset = offset(request);
        List<String> ids = new ArrayList<>();
        if (offset < titleMatches) {
            ids.addAll(ids(h, inTitle, "ts_rank(s.title_vector, " + ReportWhere.TSQUERY + ", 32) DESC, "
                    + ReportSort.ADDED_DESC.orderBy(), request.size(), offset));
        }
        int rest = request.size() - ids.size();
        if (rest > 0) {
            long restOffset = Math.max(0, offset - titleMatches);
            long otherMatches = total - titleMatches;
            String notInTitle = "NOT (" + ReportWhere.TITLE_MATCH + ")";
            // Walking the newest-first index finds the page after testing about
            // (offset + rest) * library / matches reports, each unpacking a stored vector: cheap for a
            // common word, ruinous for a rare one, whose matches the search index lists at once.
            long library = count(h, version, "library", ReportWhere.of(ReportFilter.none(), ReportFilter.Facet.NONE));
            boolean walk = otherMatches > 0 && (restOffset + rest) * library / otherMatches < otherMatches / 4;
            ids.addAll(ids(h, walk ? where.and(notInTitle) : where.searchIndexFirst(notInTitle),
                    ReportSort.ADDED_DESC.orderBy(), rest, restOffset));
        }
        return ids;
    }

    private static List<String> ids(Handle h, ReportWhere where, String orderBy, int limit, long offset) {
        return h.createQuery("SELECT r.video_id FROM %s WHERE %s ORDER BY %s LIMIT :limit OFFSET :offset"
                        .formatted(where.from(), where.sql(), orderBy))
                .bindMap(where.binds())
                .bind("limit", limit)
                .bind("offset", offset)
                .mapTo(String.class).list();
    }

    private static long offset(ReportRequest request) {
        return (long) (request.page() - 1) * request.size();
    }

    static long libraryVersion(Handle h) {
        return h.createQuery("SELECT version FROM library_version").mapTo(Long.class).findOne().orElse(-1L);
    }

    static String bindsKey(Map<String, Object> binds) {
        StringBuilder out = new StringBuilder();
        new java.util.TreeMap<>(binds).forEach((k, v) -> out.append(k).append('=')
                .append(v instanceof Object[] a ? java.util.Arrays.toString(a) : String.valueOf(v)).append(';'));
        return out.toString();
    }

    public Optional<ObjectNode> detail(String id) {
        return jdbi.withHandle(h -> findRow(h, id).map(row -> {
            ObjectNode out = json.detail(row, summaries(h, List.of(row.videoId())).getOrDefault(row.videoId(), List.of()));
            // Only the detail carries the transcript: it can be far larger than the rest of a report.
            h.createQuery("SELECT transcript_text, transcript_segments::text FROM content WHERE video_id = :id")
                    .bind("id", row.videoId())
                    .map((rs, ctx) -> json.transcript(out, rs.getString(1), rs.getString(2))).findOne();
            return out;
        }));
    }

    /** The stored video_id for any spelling of a report id. */
    public Optional<String> resolve(String id) {
        return jdbi.withHandle(h -> resolve(h, id));
    }

    public static Optional<String> resolve(Handle h, String id) {
        List<String> candidates = ReportIds.candidates(id);
        return h.createQuery("""
                        SELECT video_id FROM content WHERE video_id = ANY(:ids) OR id = ANY(:ids)
                        ORDER BY array_position(:ids, video_id) NULLS LAST LIMIT 1""")
                .bind("ids", candidates.toArray(String[]::new))
                .mapTo(String.class).findOne();
    }

    public Optional<ContentRow> findRow(Handle h, String id) {
        return resolve(h, id).flatMap(videoId -> h.createQuery("SELECT " + ContentRow.COLUMNS
                        + " FROM content c WHERE c.video_id = :id")
                .bind("id", videoId).map((rs, ctx) -> ContentRow.map(rs)).findOne());
    }

    private List<ObjectNode> rows(Handle h, List<String> ids) {
        if (ids.isEmpty()) return List.of();
        String[] idArray = ids.toArray(String[]::new);
        Map<String, ContentRow> byId = h.createQuery("SELECT " + ContentRow.COLUMNS
                        + " FROM content c WHERE c.video_id = ANY(:ids)")
                .bind("ids", idArray).map((rs, ctx) -> ContentRow.map(rs)).list().stream()
                .collect(Collectors.toMap(ContentRow::videoId, Function.identity()));
        Map<String, List<SummaryRow>> summaries = summaryHeads(h, idArray);
        return ids.stream().filter(byId::containsKey)
                .map(id -> json.listRow(byId.get(id), summaries.getOrDefault(id, List.of()))).toList();
    }

    /** Latest summaries with their text cut short: list rows never carry whole summaries or HTML. */
    private static Map<String, List<SummaryRow>> summaryHeads(Handle h, String[] ids) {
        return h.createQuery("""
                        SELECT video_id, variant, summary_type, left(text, 600), NULL, revision, created_at
                        FROM ytv2_latest_summaries WHERE video_id = ANY(:ids)""")
                .bind("ids", ids)
                .map((rs, ctx) -> new SummaryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class)))
                .list().stream().collect(Collectors.groupingBy(SummaryRow::videoId));
    }

    private static Map<String, List<SummaryRow>> summaries(Handle h, List<String> ids) {
        Map<String, List<SummaryRow>> out = new HashMap<>();
        h.createQuery("""
                        SELECT video_id, variant, summary_type, text, html, revision, created_at
                        FROM ytv2_latest_summaries WHERE video_id = ANY(:ids)""")
                .bind("ids", ids.toArray(String[]::new))
                .map((rs, ctx) -> new SummaryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class)))
                .forEach(s -> out.computeIfAbsent(s.videoId(), k -> new java.util.ArrayList<>()).add(s));
        out.values().forEach(list -> list.sort(Comparator.comparing(SummaryRow::variant)));
        return out;
    }
}
