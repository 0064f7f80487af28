package dev.ytv2.content;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * `report_index_changes`, which triggers fill with the old and new filter columns of every changed
 * report_index row and the transaction that wrote them (V18): what a reader needs to bring counts
 * read in one snapshot up to a later one. Changes older than `keep` are removed once a minute;
 * counts read before that are counted again instead.
 */
public final class IndexChangeLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexChangeLog.class);
    /** The bind holding the snapshot (as text) the counts were read in. */
    static final String SINCE = "since";

    private final Jdbi jdbi;
    private final int keepMinutes;
    /** The oldest running transaction, sampled once a minute: the newest is last. */
    private final Deque<String> horizons = new ArrayDeque<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "index-change-prune");
        t.setDaemon(true);
        return t;
    });

    public IndexChangeLog(Jdbi jdbi, Duration keep) {
        this.jdbi = jdbi;
        this.keepMinutes = (int) Math.max(1, keep.toMinutes());
    }

    public IndexChangeLog start() {
        timer.scheduleWithFixedDelay(this::pruneQuietly, 1, 1, TimeUnit.MINUTES);
        return this;
    }

    /** The rows `r` of the log a reader in the snapshot bound as {@link #SINCE} did not see; visible now. */
    static String unseenSince() {
        return "report_index_changes r WHERE r.tx >= pg_snapshot_xmin(CAST(:" + SINCE + " AS pg_snapshot))"
                + " AND NOT pg_visible_in_snapshot(r.tx, CAST(:" + SINCE + " AS pg_snapshot))";
    }

    /** Whether every change a reader of `snapshot` did not see is still in the log. */
    static boolean covers(Handle h, String snapshot) {
        return h.createQuery("SELECT pg_snapshot_xmin(CAST(:s AS pg_snapshot)) >= below FROM report_index_changes_horizon")
                .bind("s", snapshot).mapTo(Boolean.class).findOne().orElse(false);
    }

    /** Samples the oldest running transaction, and removes the changes older than the sample of `keep` ago. */
    void prune() {
        String now = jdbi.withHandle(h -> h.createQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").mapTo(String.class).one());
        horizons.addLast(now);
        if (horizons.size() <= keepMinutes) return;
        pruneBelow(horizons.removeFirst());
    }

    /** Removes the changes of transactions before `xid`; counts read in snapshots older than it are recounted. */
    void pruneBelow(String xid) {
        int removed = jdbi.inTransaction(h -> {
            // The horizon moves first and only forwards: a reader that still finds it behind its
            // snapshot finds every change it needs, as the delete commits with it.
            h.createUpdate("UPDATE report_index_changes_horizon SET below = greatest(below, CAST(:x AS xid8))").bind("x", xid).execute();
            return h.createUpdate("DELETE FROM report_index_changes WHERE tx < CAST(:x AS xid8)").bind("x", xid).execute();
        });
        if (removed > 0) LOG.debug("index change log: {} changes before {} removed", removed, xid);
    }

    private void pruneQuietly() {
        try {
            prune();
        } catch (RuntimeException e) {
            LOG.warn("index change log: prune failed ({}); trying again in a minute", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
