package dev.ytv2.content;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Reads of `content` and `content_summaries`: the card list, one report, and id resolution. */
public final class ReportStore {
    private final Jdbi jdbi;
    private final DataSource dataSource;
    // Counts are kept apart from pages: every page and sort of one filter shares its count.
    private final VersionedCache<ReportWhere, Long> counts = new VersionedCache<>(5_000);
    // Counts of filters without a search, each with the snapshot and library version it was read in.
    private final Map<ReportWhere, KeptCount> keptCounts = new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ReportWhere, KeptCount> eldest) {
            return size() > 5_000;
        }
    };
    // Which reports a page shows, never the rows themselves, whose image fields change without the
    // library version moving.
    private final VersionedCache<ReportRequest, List<String>> pages = new VersionedCache<>(5_000);
    // Every match of a filter in its order, for the two kinds of page an OFFSET makes dear: deep
    // pages of a large library (PostgreSQL steps over every row before the page) and searches with
    // few matches, whose count, title matches and rest are otherwise three more statements. One
    // read serves every page of that filter and sort until the library changes.
    private final VersionedCache<Ordering, List<String>> orderings = new VersionedCache<>(4);
    private final VersionedCache<ReportWhere, Optional<List<String>>> rankings = new VersionedCache<>(128);

    private final Paging paging;

    /**
     * When pages are cut from a whole ordering: from `deepOffset` on, for a filter of at most
     * `maxOrdering` reports; a search of at most `maxRanking` matches always.
     */
    public record Paging(long deepOffset, long maxOrdering, long maxRanking) {
        /**
         * Deep means past page 50 of 24; 200,000 ids are about 12 MB. Ranking 1,000 matches whole
         * costs about 10 ms of the database, what the first page of the two-part ranking costs.
         */
        public static final Paging DEFAULT = new Paging(1_200, 200_000, 1_000);
    }

    private record Ordering(ReportWhere where, ReportSort sort) {
    }

    public ReportStore(Jdbi jdbi, DataSource dataSource) {
        this(jdbi, dataSource, Paging.DEFAULT);
    }

    public ReportStore(Jdbi jdbi, DataSource dataSource, Paging paging) {
        this.jdbi = jdbi;
        this.dataSource = dataSource;
        this.paging = paging;
    }

    /** A report as a list row shows it: its stored row and its latest summaries, their text cut short. */
    public record Report(ContentRow row, List<SummaryRow> summaries) {
    }

    /**
     * Which state of a report a list row shows: the row version (`xmin`) of its `content` row and of
     * each of its summaries. Every committed change to either gives a new version, whoever wrote it.
     */
    public record RowVersion(String videoId, String version) {
    }

    /**
     * `rows`: the page's reports in order, each with its version; `read`: those read for this page
     * (all but the ones the caller said it had built already), by video_id. `snapshot`: the
     * database snapshot the page was read in (see {@link #snapshot()}); null when {@link #ofIds} needed no snapshot.
     */
    public record Page(List<RowVersion> rows, Map<String, Report> read, int page, int size, long total, String snapshot) {
        public int pages() {
            return (int) ((total + size - 1) / size);
        }

        /** The reports read, in page order. */
        public List<Report> reports() {
            return rows.stream().map(v -> read.get(v.videoId())).filter(java.util.Objects::nonNull).toList();
        }
    }

    /**
     * Which committed transactions a read made now would see, as PostgreSQL's snapshot text. Two
     * equal snapshots see the same rows of every table, whoever wrote them (this server, another
     * one, direct SQL), so an answer read in one can be served again for as long as it is current.
     */
    public String snapshot() {
        // Asked before every list and detail answer, most of which are then served from memory: a
        // plain statement, as JDBI's handle and statement set-up cost more than the query itself.
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(SNAPSHOT);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the database snapshot", e);
        }
    }

    private static final String SNAPSHOT = "SELECT txid_current_snapshot()::text";

    public Page list(ReportRequest request) {
        return list(request, version -> false);
    }

    /** As {@link #list(ReportRequest)}, without reading the reports whose version is `known` to the caller. */
    public Page list(ReportRequest request, Predicate<RowVersion> known) {
        // One snapshot for every statement, so the page is exactly what `snapshot` names.
        return SnapshotRead.read(jdbi, request.filter().q().isPresent(), (h, snapshot) -> {
            IdPage p = idPage(h, request, snapshot);
            return read(h, p.ids(), known, request.page(), request.size(), p.total(), snapshot.text());
        });
    }

    /**
     * The reports of `ids` as list rows, in that order, for a ranking made elsewhere (semantic
     * search): no count, no sort, no page of ids to find, only the rows. Ids of no report are left out.
     * Such an answer is not kept per snapshot, so when every row was built before, the versions are
     * one statement on their own; otherwise versions and rows are read in one snapshot, so that no row
     * mixes two commits.
     */
    public Page ofIds(List<String> ids, Predicate<RowVersion> known) {
        int size = Math.max(1, ids.size());
        List<RowVersion> versions = jdbi.withHandle(h -> versions(h, ids));
        if (versions.stream().allMatch(known)) return new Page(versions, Map.of(), 1, size, ids.size(), null);
        return SnapshotRead.read(jdbi, (h, snapshot) -> read(h, ids, known, 1, size, ids.size(), snapshot.text()));
    }

    private static Page read(Handle h, List<String> ids, Predicate<RowVersion> known, int page, int size, long total,
                             String snapshot) {
        List<RowVersion> versions = versions(h, ids);
        List<String> unknown = versions.stream().filter(known.negate()).map(RowVersion::videoId).toList();
        return new Page(versions, rows(h, unknown), page, size, total, snapshot);
    }

    /** The versions of the page's reports, in page order (a report deleted since its ids were cached is left out). */
    private static List<RowVersion> versions(Handle h, List<String> ids) {
        if (ids.isEmpty()) return List.of();
        Map<String, String> byId = new HashMap<>();
        h.createQuery("""
                        SELECT c.video_id, c.xmin::text || ':' || coalesce((SELECT string_agg(s.xmin::text, ',' ORDER BY s.xmin::text)
                                                                     FROM content_summaries s WHERE s.video_id = c.video_id), '')
                        FROM content c WHERE c.video_id = ANY(:ids)""")
                .bind("ids", ids.toArray(String[]::new))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> byId.put(e.getKey(), e.getValue()));
        return ids.stream().filter(byId::containsKey).map(id -> new RowVersion(id, byId.get(id))).toList();
    }

    /** Which reports a page shows, in order, without building their rows (semantic search fuses these). */
    public List<String> pageIds(ReportRequest request) {
        return SnapshotRead.read(jdbi, request.filter().q().isPresent(), (h, snapshot) -> idPage(h, request, snapshot).ids());
    }

    private record IdPage(List<String> ids, long total) {
    }

    /** `snapshot`: the one this transaction reads in. */
    private IdPage idPage(Handle h, ReportRequest request, SnapshotRead.Snapshot snapshot) {
        ReportWhere where = ReportWhere.of(request.filter(), ReportFilter.Facet.NONE);
        long version = snapshot.libraryVersion();
        if (where.searches() && request.sort() == ReportSort.RELEVANCE) {
            Optional<List<String>> whole = rankings.get(where, version, () -> cappedRanking(h, where));
            if (whole.isPresent()) return new IdPage(slice(whole.get(), offset(request), request.size()), whole.get().size());
        }
        long total = where.searches() ? count(h, version, where) : keptCount(h, version, where, snapshot.text());
        List<String> ids = total == 0 ? List.of() : pages.get(request, version, () -> ids(h, version, where, total, request));
        return new IdPage(ids, total);
    }

    private List<String> ids(Handle h, long version, ReportWhere where, long total, ReportRequest request) {
        long offset = offset(request);
        if (request.sort() == ReportSort.RELEVANCE) {
            if (total > paging.maxRanking()) return rankedIds(h, version, where, total, request);
            // The search has few matches under its filters but more than the capped ranking reads without them.
            return slice(wholeRanking(h, where, Long.MAX_VALUE).ids(), offset, request.size());
        }
        if (offset >= paging.deepOffset() && total <= paging.maxOrdering()) {
            String orderBy = request.sort().orderBy();
            return slice(orderings.get(new Ordering(where, request.sort()), version, () -> ids(h, where, orderBy, Long.MAX_VALUE, 0)),
                    offset, request.size());
        }
        return ids(h, where, request.sort().orderBy(), request.size(), offset);
    }

    private static List<String> slice(List<String> all, long offset, int size) {
        if (offset >= all.size()) return List.of();
        return List.copyOf(all.subList((int) offset, (int) Math.min(all.size(), offset + size)));
    }

    /**
     * Every match of a search in relevance order, when the search alone has at most `maxRanking`
     * matches; else empty, and the count and {@link #rankedIds} find the page. One statement for
     * both the count and the order: most searches of two words or more match a few dozen reports.
     */
    private Optional<List<String>> cappedRanking(Handle h, ReportWhere where) {
        Ranking r = wholeRanking(h, where, paging.maxRanking() == Long.MAX_VALUE ? Long.MAX_VALUE : paging.maxRanking() + 1);
        // No row under the filters says nothing of how many matches the search has without them.
        return r.ids().isEmpty() || r.matches() > paging.maxRanking() ? Optional.empty() : Optional.of(r.ids());
    }

    /** `ids`: the ranking; `matches`: the search's matches without the other filters, at most the cap read. */
    private record Ranking(List<String> ids, long matches) {
    }

    /** The first `cap` matches of the search alone, under the other filters, in relevance order: as {@link #rankedIds}, in one statement. */
    private static Ranking wholeRanking(Handle h, ReportWhere where, long cap) {
        ReportWhere filters = where.searchIndexFirst();
        long[] matches = {0};
        List<String> ids = h.createQuery("""
                        WITH m AS MATERIALIZED (%s LIMIT :cap)
                        SELECT r.video_id, (SELECT count(*) FROM m) FROM report_index r JOIN m s ON s.video_id = r.video_id
                        WHERE %s ORDER BY s.in_title DESC, CASE WHEN s.in_title THEN s.title_rank END DESC NULLS LAST, %s"""
                        .formatted(ReportWhere.rankedMatches(), filters.sql(), ReportSort.ADDED_DESC.orderBy()))
                .bindMap(filters.binds())
                .bind("cap", cap)
                .map((rs, ctx) -> {
                    matches[0] = rs.getLong(2);
                    return rs.getString(1);
                }).list();
        return new Ranking(ids, matches[0]);
    }

    /**
     * The count of a filter without a search, brought up to date from the last one by the changes
     * logged since (see IndexChangeLog) rather than counted again after every ingest.
     */
    private long keptCount(Handle h, long version, ReportWhere where, String snapshot) {
        KeptCount known;
        synchronized (keptCounts) {
            known = keptCounts.get(where);
        }
        if (known != null && known.version() == version) return known.count();
        long n;
        if (known != null && IndexChangeLog.covers(h, known.snapshot())) {
            Map<String, Object> binds = new HashMap<>(where.binds());
            binds.put(IndexChangeLog.SINCE, known.snapshot());
            n = known.count() + h.createQuery("SELECT coalesce(sum(r.sign), 0) FROM " + IndexChangeLog.unseenSince() + " AND " + where.sql())
                    .bindMap(binds).mapTo(Long.class).one();
        } else {
            n = h.createQuery(where.countSql()).bindMap(where.binds()).mapTo(Long.class).one();
        }
        synchronized (keptCounts) {
            keptCounts.put(where, new KeptCount(snapshot, version, n));
        }
        return n;
    }

    private record KeptCount(String snapshot, long version, long count) {
    }

    private long count(Handle h, long version, ReportWhere where) {
        return counts.get(where, version, () -> h.createQuery(where.countSql()).bindMap(where.binds()).mapTo(Long.class).one());
    }

    /**
     * Title (and channel) matches first, best ranked first, then every other match newest first. Two
     * queries instead of one ranked sort, so a word in most of the library never ranks all of it.
     */
    private List<String> rankedIds(Handle h, long version, ReportWhere where, long total, ReportRequest request) {
        ReportWhere inTitle = where.titleMatches();
        long titleMatches = count(h, version, inTitle);
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
            // Walking the newest-first index finds the page after testing about
            // (offset + rest) * library / matches reports, each unpacking a stored vector: cheap for a
            // common word, ruinous for a rare one, whose matches the search index lists at once.
            long library = count(h, version, ReportWhere.of(ReportFilter.none(), ReportFilter.Facet.NONE));
            boolean walk = otherMatches > 0 && (restOffset + rest) * library / otherMatches < otherMatches / 4;
            ReportWhere others = where.notInTitle();
            ids.addAll(ids(h, walk ? others : others.searchIndexFirst(), ReportSort.ADDED_DESC.orderBy(), rest, restOffset));
        }
        return ids;
    }

    private static List<String> ids(Handle h, ReportWhere where, String orderBy, long limit, long offset) {
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

    /** One report whole: every latest summary in full, and the transcript, which only the detail carries. */
    public record Detail(ContentRow row, List<SummaryRow> summaries, String transcriptText, String transcriptSegments,
                         String snapshot) {
    }

    public Optional<Detail> detail(String id) {
        return SnapshotRead.read(jdbi, (h, snapshot) -> {
            return findRow(h, id).map(row -> {
                List<SummaryRow> summaries = summaries(h, List.of(row.videoId())).getOrDefault(row.videoId(), List.of());
                String[] transcript = h.createQuery("SELECT transcript_text, transcript_segments::text FROM content WHERE video_id = :id")
                        .bind("id", row.videoId())
                        .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2)}).findOne().orElse(new String[2]);
                return new Detail(row, summaries, transcript[0], transcript[1], snapshot.text());
            });
        });
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

    private static Map<String, Report> rows(Handle h, List<String> ids) {
        if (ids.isEmpty()) return Map.of();
        String[] idArray = ids.toArray(String[]::new);
        Map<String, ContentRow> byId = h.createQuery("SELECT " + ContentRow.COLUMNS
                        + " FROM content c WHERE c.video_id = ANY(:ids)")
                .bind("ids", idArray).map((rs, ctx) -> ContentRow.map(rs)).list().stream()
                .collect(Collectors.toMap(ContentRow::videoId, Function.identity()));
        Map<String, List<SummaryRow>> summaries = summaryHeads(h, idArray);
        Map<String, Report> out = new HashMap<>();
        byId.forEach((id, row) -> out.put(id, new Report(row, summaries.getOrDefault(id, List.of()))));
        return out;
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
