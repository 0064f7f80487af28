package dev.ytv2.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.OffsetDateTime;
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
    private final VersionedCache<String, PageIds> pages = new VersionedCache<>(5_000);

    /** Which reports a page shows and how many match: what the cache keeps (never the rows themselves,
     *  whose image fields change without the library version moving). */
    private record PageIds(long total, List<String> ids) {
    }

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
        ReportWhere where = ReportWhere.of(request.filter(), ReportFilter.Facet.NONE);
        String rank = request.filter().q().isPresent()
                ? "(s.title_vector @@ " + ReportWhere.TSQUERY + ")::int + ts_rank(s.search_vector, " + ReportWhere.TSQUERY + ", 32)"
                : "0";
        String key = where.from() + "|" + where.sql() + "|" + bindsKey(where.binds()) + "|" + request.sort() + "|"
                + request.page() + "|" + request.size();
        return jdbi.withHandle(h -> {
            long version = libraryVersion(h);
            PageIds cached = pages.get(key, version).orElse(null);
            if (cached == null) {
                cached = pageIds(h, where, rank, request);
                pages.put(key, version, cached);
            }
            return new Page(rows(h, cached.ids()), request.page(), request.size(), cached.total());
        });
    }

    private static PageIds pageIds(Handle h, ReportWhere where, String rank, ReportRequest request) {
        long total = h.createQuery("SELECT count(*) FROM " + where.from() + " WHERE " + where.sql())
                .bindMap(where.binds()).mapTo(Long.class).one();
        List<String> ids = total == 0 ? List.of() : h.createQuery("""
                        SELECT r.video_id, %s AS rank FROM %s
                        WHERE %s ORDER BY %s LIMIT :limit OFFSET :offset"""
                        .formatted(rank, where.from(), where.sql(), request.sort().orderBy()))
                .bindMap(where.binds())
                .bind("limit", request.size())
                .bind("offset", (long) (request.page() - 1) * request.size())
                .map((rs, ctx) -> rs.getString(1)).list();
        return new PageIds(total, ids);
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
        return jdbi.withHandle(h -> findRow(h, id).map(row -> json.detail(row, summaries(h, List.of(row.videoId()))
                .getOrDefault(row.videoId(), List.of()))));
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
                        FROM v_latest_summaries WHERE video_id = ANY(:ids)""")
                .bind("ids", ids)
                .map((rs, ctx) -> new SummaryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class)))
                .list().stream().collect(Collectors.groupingBy(SummaryRow::videoId));
    }

    private static Map<String, List<SummaryRow>> summaries(Handle h, List<String> ids) {
        Map<String, List<SummaryRow>> out = new HashMap<>();
        h.createQuery("""
                        SELECT video_id, variant, summary_type, text, html, revision, created_at
                        FROM v_latest_summaries WHERE video_id = ANY(:ids)""")
                .bind("ids", ids.toArray(String[]::new))
                .map((rs, ctx) -> new SummaryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class)))
                .forEach(s -> out.computeIfAbsent(s.videoId(), k -> new java.util.ArrayList<>()).add(s));
        out.values().forEach(list -> list.sort(Comparator.comparing(SummaryRow::variant)));
        return out;
    }
}
