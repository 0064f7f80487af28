package dev.ytv2.images;

import dev.ytv2.events.Event;
import dev.ytv2.events.EventLog;
import dev.ytv2.files.FileReferences;
import dev.ytv2.files.FileStore;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Removes variants soft-deleted longer ago than the retention period, and then their files unless
 * anything in the library still refers to them ({@link FileReferences}). Run periodically.
 */
public final class VariantPurger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VariantPurger.class);
    private static final String EXPIRED = ImageDocument.EXPIRED;

    private final Jdbi jdbi;
    private final EventLog events;
    private final FileStore files;
    private final FileReferences references;
    private final ImageDocument document;
    private final Duration retention;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "variant-purge");
        t.setDaemon(true);
        return t;
    });

    public VariantPurger(Jdbi jdbi, EventLog events, FileStore files, ImageDocument document, Duration retention) {
        this.jdbi = jdbi;
        this.events = events;
        this.files = files;
        this.references = new FileReferences(files);
        this.document = document;
        this.retention = retention;
    }

    /** Runs the purge a minute after start-up and then every `period`. */
    public VariantPurger start(Duration period) {
        timer.scheduleWithFixedDelay(this::purgeQuietly, 60, period.toSeconds(), TimeUnit.SECONDS);
        return this;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** Purges every report with expired variants; returns how many variants were removed. */
    public int purgeOnce() {
        List<String> ids = jdbi.withHandle(h -> h.createQuery("""
                        SELECT video_id FROM content c WHERE EXISTS (
                            SELECT 1 FROM jsonb_array_elements(ytv2_variants(c.analysis_json)) v WHERE %s)"""
                        .formatted(EXPIRED))
                .bind("retentionSeconds", retention.toSeconds()).mapTo(String.class).list());
        int removed = 0;
        for (String videoId : ids) removed += purge(videoId);
        return removed;
    }

    public void purgeQuietly() {
        try {
            int removed = purgeOnce();
            if (removed > 0) LOG.info("purged {} image variants deleted more than {} ago", removed, retention);
        } catch (RuntimeException e) {
            LOG.warn("variant purge failed; will retry on the next run", e);
        }
    }

    private int purge(String videoId) {
        record Purged(List<String> urls, List<String> unused) {
        }
        Purged purged = jdbi.inTransaction(h -> {
            h.createQuery("SELECT 1 FROM content WHERE video_id = :videoId FOR UPDATE").bind("videoId", videoId).mapTo(Integer.class).findOne();
            List<String> urls = h.createQuery("""
                            SELECT DISTINCT v ->> 'url' FROM content c, jsonb_array_elements(ytv2_variants(c.analysis_json)) v
                            WHERE c.video_id = :videoId AND v ->> 'url' IS NOT NULL AND %s""".formatted(EXPIRED))
                    .bind("videoId", videoId).bind("retentionSeconds", retention.toSeconds()).mapTo(String.class).list();
            if (urls.isEmpty()) return new Purged(List.of(), List.of());
            document.removeExpired(h, videoId, retention);
            List<String> unused = references.unreferenced(h, urls);
            events.append(h, new Event.ImagesPurged(videoId, urls));
            return new Purged(urls, unused);
        });
        // After the commit: a rolled-back purge never leaves variants pointing at removed files.
        purged.unused().forEach(files::delete);
        return purged.urls().size();
    }
}
