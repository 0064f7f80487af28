package dev.ytv2.events;

import io.javalin.http.sse.SseClient;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One browser's stream: a bounded queue and its own sender, so a slow reader only ever delays
 * itself.
 *
 * <p>A full queue does not by itself mean the reader is slow: a feed catching up after a pause hands
 * over hundreds of events in a few milliseconds. So an overflow only marks the client as behind;
 * its sender then reads what it missed from the event log, page by page, before it sends from the
 * queue again. What ends a stream is a reader that stops taking bytes: a write that has not
 * finished within the stall limit ({@link #closeIfStalled}).
 */
final class EventClient {
    /** An event (`type` set) or a comment line (`type` null). */
    record Outgoing(long id, String type, String data) {
        static Outgoing comment(String text) {
            return new Outgoing(0, null, text);
        }

        boolean isResync() {
            return EventType.RESYNC.wire().equals(type);
        }
    }

    /** The committed events after an id, at most `limit` of them, or a single `resync`. */
    interface Backlog {
        List<Outgoing> after(long id, int limit);
    }

    private final SseClient sse;
    private final Executor sender;
    private final Backlog backlog;
    private final int capacity;
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private boolean started;
    private boolean draining;
    private boolean behind;
    private boolean closed;
    // Only touched by the (single) running drain.
    private long sentId;
    private long caughtUpTo;
    private volatile long writingSince; // System.nanoTime() when the current write began, 0 when idle

    /** `position`: the newest event this client needs no more of (its Last-Event-ID, or the log's head when it joined). */
    EventClient(SseClient sse, Executor sender, Backlog backlog, int capacity, long position) {
        this.sse = sse;
        this.sender = sender;
        this.backlog = backlog;
        this.capacity = capacity;
        this.caughtUpTo = position;
    }

    /** Queues for sending; never blocks. What does not fit is read from the log later. */
    void offer(Outgoing item) {
        synchronized (this) {
            if (closed) return;
            if (queue.size() < capacity) {
                queue.add(item);
            } else if (item.type() != null) {
                behind = true;
            }
            scheduleLocked();
        }
    }

    /** Starts sending, `first` (the replay) ahead of whatever live events queued meanwhile. */
    void start(List<Outgoing> first) {
        synchronized (this) {
            for (int i = first.size() - 1; i >= 0; i--) queue.addFirst(first.get(i));
            started = true;
            scheduleLocked();
        }
    }

    /** Ends a stream whose current write has been blocked longer than `limitNanos`; true if it did. */
    boolean closeIfStalled(long nowNanos, long limitNanos) {
        long since = writingSince;
        if (since == 0 || nowNanos - since < limitNanos) return false;
        synchronized (this) {
            if (closed) return false;
            closed = true;
            queue.clear();
        }
        // Closing aborts the blocked write; the stream's onClose removes it from the hub.
        sender.execute(sse::close);
        return true;
    }

    void close() {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        sse.close();
    }

    private void scheduleLocked() {
        if (started && !draining && (behind || !queue.isEmpty())) {
            draining = true;
            sender.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (true) {
                Outgoing next = null;
                boolean fromLog;
                synchronized (this) {
                    if (closed || (!behind && queue.isEmpty())) {
                        draining = false;
                        return;
                    }
                    // Whatever was dropped is older than anything queued after it: the log comes first.
                    fromLog = behind;
                    behind = false;
                    if (!fromLog) next = queue.poll();
                }
                if (fromLog) {
                    catchUpFromLog();
                } else {
                    send(next);
                }
                if (sse.terminated()) {
                    close();
                    return;
                }
            }
        } catch (RuntimeException e) {
            // Jetty aborts a write that was blocked when the stream got closed, and a log read can
            // fail while the database is away: either way the browser reconnects with Last-Event-ID.
            close();
        }
    }

    private void catchUpFromLog() {
        List<Outgoing> page = backlog.after(Math.max(sentId, caughtUpTo), capacity);
        for (Outgoing o : page) send(o);
        if (page.size() >= capacity) {
            synchronized (this) {
                behind = true;
            }
        }
    }

    private void send(Outgoing next) {
        writingSince = System.nanoTime();
        try {
            if (next.type() == null) {
                sse.sendComment(next.data());
            } else if (next.id() > sentId || next.isResync()) {
                // Replay, log pages and live delivery overlap; ids say what was already sent.
                sse.sendEvent(next.type(), next.data(), Long.toString(next.id()));
                sentId = Math.max(sentId, next.id());
            }
        } finally {
            writingSince = 0;
        }
    }
}
