package dev.ytv2.events;

import io.javalin.http.sse.SseClient;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One browser's stream: a bounded queue and its own sender, so a slow reader only ever delays
 * itself. When its queue overflows the client is dropped; EventSource reconnects with
 * Last-Event-ID and catches up from the log.
 */
final class EventClient {
    /** An event (`type` set) or a comment line (`type` null). */
    record Outgoing(long id, String type, String data) {
        static Outgoing comment(String text) {
            return new Outgoing(0, null, text);
        }
    }

    private final SseClient sse;
    private final Executor sender;
    private final int capacity;
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private boolean started;
    private boolean draining;
    private boolean closed;
    private long sentId; // only touched by the (single) running drain

    EventClient(SseClient sse, Executor sender, int capacity) {
        this.sse = sse;
        this.sender = sender;
        this.capacity = capacity;
    }

    /** Queues for sending; never blocks. A full queue means the reader cannot keep up: drop it. */
    void offer(Outgoing item) {
        synchronized (this) {
            if (closed) return;
            if (queue.size() < capacity) {
                queue.add(item);
                scheduleLocked();
                return;
            }
            closed = true;
            queue.clear();
        }
        // Closing runs the stream's onClose, which removes it from the hub.
        sender.execute(sse::close);
    }

    /** Starts sending, `first` (the replay) ahead of whatever live events queued meanwhile. */
    void start(List<Outgoing> first) {
        synchronized (this) {
            for (int i = first.size() - 1; i >= 0; i--) queue.addFirst(first.get(i));
            started = true;
            scheduleLocked();
        }
    }

    void close() {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        sse.close();
    }

    private void scheduleLocked() {
        if (started && !draining && !queue.isEmpty()) {
            draining = true;
            sender.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Outgoing next;
            synchronized (this) {
                next = queue.poll();
                if (next == null || closed) {
                    draining = false;
                    return;
                }
            }
            try {
                if (next.type() == null) {
                    sse.sendComment(next.data());
                } else if (next.id() > sentId) {
                    // Replay and live delivery can overlap by a few events; ids say what was already sent.
                    sse.sendEvent(next.type(), next.data(), Long.toString(next.id()));
                    sentId = next.id();
                }
            } catch (RuntimeException e) {
                // Jetty aborts a write that was blocked when the stream got closed (say, on overflow).
                close();
                return;
            }
            if (sse.terminated()) {
                close();
                return;
            }
        }
    }
}
