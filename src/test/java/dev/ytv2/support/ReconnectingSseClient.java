package dev.ytv2.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An event stream reader that behaves like a browser's EventSource: when the stream ends it
 * reconnects (every 250 ms until the server answers) with `Last-Event-ID` set to the last id it
 * received, and keeps every event it was ever sent, duplicates included, so tests can count them.
 */
public final class ReconnectingSseClient implements AutoCloseable {
    public final List<SseTestClient.Event> events = new CopyOnWriteArrayList<>();
    public final AtomicInteger connections = new AtomicInteger();
    private final String base;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile SseTestClient current;

    private ReconnectingSseClient(String base) {
        this.base = base;
        this.thread = new Thread(this::run, "reconnecting-sse");
        thread.setDaemon(true);
    }

    public static ReconnectingSseClient open(String base) {
        ReconnectingSseClient c = new ReconnectingSseClient(base);
        c.thread.start();
        return c;
    }

    public boolean connected() {
        SseTestClient c = current;
        return c != null && !c.ended && c.comments.contains("connected");
    }

    private void run() {
        while (running) {
            long last = events.isEmpty() ? -1 : events.get(events.size() - 1).id();
            SseTestClient c;
            try {
                c = last < 0 ? SseTestClient.connect(base, "/api/report-events", 0)
                        : SseTestClient.connect(base, "/api/report-events", 0, "Last-Event-ID", Long.toString(last));
            } catch (RuntimeException refused) {
                pause(250);
                continue;
            }
            current = c;
            connections.incrementAndGet();
            int seen = 0;
            // This thread stands in for the browser; the tests wait on `events` and `connected()` with Awaitility.
            while (running && !c.ended) {
                seen = drain(c, seen);
                pause(20);
            }
            drain(c, seen);
            c.close();
            pause(250);
        }
    }

    private int drain(SseTestClient c, int seen) {
        List<SseTestClient.Event> got = c.events;
        while (seen < got.size()) events.add(got.get(seen++));
        return seen;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public List<Long> ids() {
        return events.stream().map(SseTestClient.Event::id).toList();
    }

    @Override
    public void close() {
        running = false;
        SseTestClient c = current;
        if (c != null) c.close();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
