package dev.ytv2.files;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Removes uploads no report refers to once they are older than a grace period: a worker uploads
 * an image and names it in its next ingest, and one that never does leaves nothing behind for good.
 */
public final class UploadSweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UploadSweeper.class);

    private final Jdbi jdbi;
    private final FileStore files;
    private final FileReferences references;
    private final Duration grace;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "upload-sweep");
        t.setDaemon(true);
        return t;
    });

    public UploadSweeper(Jdbi jdbi, FileStore files, Duration grace, Clock clock) {
        this.jdbi = jdbi;
        this.files = files;
        this.references = new FileReferences(files);
        this.grace = grace;
        this.clock = clock;
    }

    public UploadSweeper start(Duration period) {
        timer.scheduleWithFixedDelay(this::sweepQuietly, 90, period.toSeconds(), TimeUnit.SECONDS);
        return this;
    }

    /** Removes the unreferenced uploads older than the grace period; returns how many. */
    public long sweepOnce() {
        Instant cutoff = clock.instant().minus(grace);
        List<String> old = Stream.of(FileStore.IMAGES_URL, FileStore.AUDIO_URL)
                .flatMap(store -> files.list(store + "uploads/").stream())
                .filter(f -> f.modified().isBefore(cutoff)).map(StoredFile::url).toList();
        return old.isEmpty() ? 0 : references.removeUnreferenced(jdbi, old);
    }

    private void sweepQuietly() {
        try {
            long removed = sweepOnce();
            if (removed > 0) LOG.info("removed {} uploads no report referred to within {}", removed, grace);
        } catch (RuntimeException e) {
            LOG.warn("upload sweep failed; will retry on the next run: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
