package dev.ytv2.files;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Removes stored files no report refers to, in the folders where a file is written before the
 * commit that names it: uploads (a worker uploads an image and names it in its next ingest) and
 * renders (stored, then committed; a worker killed in between leaves the object behind). Such a
 * file is never shown, since nothing names it; this removes it for good once it is older than the
 * grace period. The period is counted back from now and from the start of the oldest render still
 * running, whichever is earlier: that render's worker may yet commit a file it stored after it
 * began, however long it has been frozen, so nothing stored since then is touched.
 */
public final class FileSweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileSweeper.class);

    private final Jdbi jdbi;
    private final FileStore files;
    private final FileReferences references;
    private final List<String> folders;
    private final Supplier<Optional<Instant>> oldestRunningRender;
    private final Duration grace;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "file-sweep");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param folders             URL prefixes to sweep (`/exports/images/uploads/`, ...)
     * @param oldestRunningRender when the oldest render still running began, if one runs
     */
    public FileSweeper(Jdbi jdbi, FileStore files, List<String> folders, Supplier<Optional<Instant>> oldestRunningRender,
                       Duration grace, Clock clock) {
        this.jdbi = jdbi;
        this.files = files;
        this.references = new FileReferences(files);
        this.folders = List.copyOf(folders);
        this.oldestRunningRender = oldestRunningRender;
        this.grace = grace;
        this.clock = clock;
    }

    /** The uploads folders of the image and audio stores. */
    public static List<String> uploadFolders() {
        return List.of(FileStore.IMAGES_URL + "uploads/", FileStore.AUDIO_URL + "uploads/");
    }

    public FileSweeper start(Duration period) {
        timer.scheduleWithFixedDelay(this::sweepQuietly, 90, period.toSeconds(), TimeUnit.SECONDS);
        return this;
    }

    /** Removes the unreferenced files stored before the cutoff; returns how many. */
    public long sweepOnce() {
        // Read before the listing: a render claimed after this began after it too, so its file is newer than the cutoff.
        Instant now = clock.instant();
        Instant since = oldestRunningRender.get().filter(started -> started.isBefore(now)).orElse(now);
        Instant cutoff = since.minus(grace);
        List<String> old = folders.stream().flatMap(folder -> files.list(folder).stream())
                .filter(f -> f.modified().isBefore(cutoff)).map(StoredFile::url).toList();
        return old.isEmpty() ? 0 : references.removeUnreferenced(jdbi, old);
    }

    private void sweepQuietly() {
        try {
            long removed = sweepOnce();
            if (removed > 0) LOG.info("removed {} stored files no report referred to within {}", removed, grace);
        } catch (RuntimeException e) {
            LOG.warn("file sweep failed; will retry on the next run: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
