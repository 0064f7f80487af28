package dev.ytv2.events;

import io.javalin.http.sse.SseClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owns every SSE client of this process. {@link EventFeed} hands it committed events in id order;
 * a reconnecting client first gets what it missed from the event log, or `resync` when the log no
 * longer reaches back that far.
 */
public final class EventHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    /**
     * Queue per client, longest replay, heartbeat period, how much of the log to keep, and how long
     * one write may stay blocked before its reader counts as gone.
     */
    public record Settings(int queueCapacity, int maxReplay, Duration heartbeat, Duration pruneEvery, int keepEvents,
                           Duration stallLimit) {
        public static Settings defaults() {
            return new Settings(512, 2000, Duration.ofSeconds(15), Duration.ofMinutes(10), 20_000, Duration.ofSeconds(10));
        }
    }

    private final EventLog log;
    private final Settings settings;
    private final Set<EventClient> clients = ConcurrentHashMap.newKeySet();
    private final List<java.util.function.Consumer<EventLog.Entry>> followers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutorService senders;
    private final ScheduledExecutorService timers;
    private volatile long published; // id of the newest event handed to clients

    public EventHub(EventLog log, Settings settings) {
        this.log = log;
        this.settings = settings;
        AtomicInteger n = new AtomicInteger();
        // A cached pool: a thread per client that is busy sending, so one blocked writer holds up no one else.
        this.senders = Executors.newCachedThreadPool(r -> daemon(new Thread(null, r, "sse-send-" + n.incrementAndGet(), 256 * 1024)));
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(new Thread(r, "sse-timers")));
        long beat = settings.heartbeat().toMillis();
        timers.scheduleAtFixedRate(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        long prune = settings.pruneEvery().toMillis();
        timers.scheduleAtFixedRate(this::prune, prune, prune, TimeUnit.MILLISECONDS);
        long stallCheck = Math.max(50, Math.min(1_000, settings.stallLimit().toMillis() / 4));
        timers.scheduleAtFixedRate(this::closeStalled, stallCheck, stallCheck, TimeUnit.MILLISECONDS);
    }

    /** Registers first, then reads the log, so no event falls between replay and live delivery. */
    public void join(SseClient sse, OptionalLong lastEventId) {
        join(sse, lastEventId, () -> { });
    }

    /** As {@link #join(SseClient, OptionalLong)}; `onLeave` runs when the stream ends. */
    public void join(SseClient sse, OptionalLong lastEventId, Runnable onLeave) {
        long position = lastEventId.isPresent() ? lastEventId.getAsLong() : published;
        EventClient client = new EventClient(sse, senders, this::page, settings.queueCapacity(), position);
        sse.onClose(() -> {
            clients.remove(client);
            onLeave.run();
        });
        clients.add(client);
        List<EventClient.Outgoing> first = new ArrayList<>();
        first.add(EventClient.Outgoing.comment("connected"));
        if (lastEventId.isPresent()) first.addAll(missedSince(lastEventId.getAsLong()));
        client.start(first);
    }

    private List<EventClient.Outgoing> missedSince(long lastId) {
        try {
            long latest = log.latestId();
            if (lastId >= latest) {
                return lastId == latest ? List.of() : List.of(resync(latest, "ahead_of_log"));
            }
            if (lastId < log.oldestId() - 1) return List.of(resync(latest, "too_far_behind"));
            List<EventLog.Entry> missed = log.after(lastId, settings.maxReplay() + 1);
            if (missed.size() > settings.maxReplay()) return List.of(resync(latest, "too_far_behind"));
            return missed.stream().map(EventHub::outgoing).toList();
        } catch (RuntimeException e) {
            LOG.warn("could not read the event log for a replay; asking the client to resync", e);
            return List.of(resync(0, "log_unavailable"));
        }
    }

    /** A page of the log for a client that fell behind its queue. */
    private List<EventClient.Outgoing> page(long afterId, int limit) {
        if (afterId < log.oldestId() - 1) return List.of(resync(log.latestId(), "too_far_behind"));
        return log.after(afterId, limit).stream().map(EventHub::outgoing).toList();
    }

    private record Resync(String reason, long latestId) {
    }

    private EventClient.Outgoing resync(long latest, String reason) {
        return new EventClient.Outgoing(latest, EventType.RESYNC.wire(), log.json(new Resync(reason, latest)));
    }

    /** In-process followers of the log (such as the semantic index), called on the feed's thread in id order. */
    public void follow(java.util.function.Consumer<EventLog.Entry> follower) {
        followers.add(follower);
    }

    /** Called by the feed with each committed event, in id order. */
    void publish(EventLog.Entry e) {
        EventClient.Outgoing out = outgoing(e);
        published = e.id();
        for (EventClient c : clients) c.offer(out);
        for (var f : followers) {
            try {
                f.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("an event follower failed on event {}: {}", e.id(), ex.toString());
            }
        }
    }

    /** Where the feed starts: events up to `id` were committed before this process listened. */
    void startAt(long id) {
        published = id;
    }

    private static EventClient.Outgoing outgoing(EventLog.Entry e) {
        return new EventClient.Outgoing(e.id(), e.type(), e.payload());
    }

    public int clientCount() {
        return clients.size();
    }

    private void heartbeat() {
        EventClient.Outgoing beat = EventClient.Outgoing.comment("heartbeat");
        for (EventClient c : clients) c.offer(beat);
    }

    private void closeStalled() {
        long now = System.nanoTime();
        long limit = settings.stallLimit().toNanos();
        for (EventClient c : clients) {
            if (c.closeIfStalled(now, limit)) LOG.info("closed an event stream whose reader stopped reading");
        }
    }

    private void prune() {
        try {
            log.prune(settings.keepEvents());
        } catch (RuntimeException e) {
            LOG.warn("event log prune failed; will retry", e);
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
        for (EventClient c : clients) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // the connection is going away with the server anyway
            }
        }
        senders.shutdownNow();
    }

    private static Thread daemon(Thread t) {
        t.setDaemon(true);
        return t;
    }
}
