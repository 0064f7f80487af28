package dev.ytv2.events;

import dev.ytv2.http.ApiError;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many event streams may be open: per client address and in all, and how many replays of the
 * event log may be read at once (each reads up to the hub's longest replay). Over a limit the
 * stream is refused before it starts: 429 for one client's excess, 503 when the server is full.
 */
public final class StreamLimits {
    /** Settings; `concurrentReplays` bounds the log reads that reconnecting clients cause together. */
    public record Settings(int maxStreams, int maxPerClient, int concurrentReplays) {
    }

    /** One open stream's place; released exactly once, whenever the stream ends. */
    public static final class Slot implements Runnable {
        private final StreamLimits limits;
        private final String client;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(StreamLimits limits, String client) {
            this.limits = limits;
            this.client = client;
        }

        @Override
        public void run() {
            if (released.compareAndSet(false, true)) limits.release(client);
        }
    }

    private final Settings settings;
    private final ConcurrentHashMap<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final Semaphore replays;

    public StreamLimits(Settings settings) {
        this.settings = settings;
        this.replays = new Semaphore(settings.concurrentReplays());
    }

    public Slot acquire(String client) {
        if (total.incrementAndGet() > settings.maxStreams()) {
            total.decrementAndGet();
            throw new ApiError(503, "server_busy", "This server has as many event streams open as it serves; try again shortly.")
                    .withHeader("Retry-After", "30");
        }
        AtomicInteger mine = perClient.computeIfAbsent(client, k -> new AtomicInteger());
        if (mine.incrementAndGet() > settings.maxPerClient()) {
            release(client);
            throw new ApiError(429, "too_many_streams", "This address already has " + settings.maxPerClient()
                    + " event streams open; close one first.").withHeader("Retry-After", "30");
        }
        return new Slot(this, client);
    }

    /** Runs `replay` when a replay permit is free, or refuses with a 503 after a short wait. */
    public void replaying(ThrowingRunnable replay) throws Exception {
        if (!replays.tryAcquire(2, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new ApiError(503, "server_busy", "Too many clients are catching up at once; try again shortly.")
                    .withHeader("Retry-After", "2");
        }
        try {
            replay.run();
        } finally {
            replays.release();
        }
    }

    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    public int open() {
        return total.get();
    }

    private void release(String client) {
        total.decrementAndGet();
        perClient.computeIfPresent(client, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
    }
}
