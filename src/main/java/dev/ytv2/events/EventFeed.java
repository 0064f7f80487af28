package dev.ytv2.events;

import dev.ytv2.db.DatabaseUrl;
import dev.ytv2.db.PgListener;

import java.util.List;

/**
 * Feeds the {@link EventHub} from PostgreSQL: a {@link PgListener} on {@link EventLog#CHANNEL};
 * each NOTIFY, each (re)connect, and the listener's periodic check as a safety net make it read
 * event_log past the last id it has seen, so no committed event is skipped, whichever server
 * raised it and however long the connection was gone.
 */
public final class EventFeed implements AutoCloseable {
    public static final String APPLICATION_NAME = "ytv2-event-feed";
    private static final int BATCH = 500;

    private final EventLog log;
    private final EventHub hub;
    private final PgListener listener;
    private long lastSeen; // touched only on the listener's thread, after start

    public EventFeed(DatabaseUrl url, EventLog log, EventHub hub) {
        this.log = log;
        this.hub = hub;
        this.listener = new PgListener(url, APPLICATION_NAME, List.of(EventLog.CHANNEL), new PgListener.Handler() {
            @Override
            public void connected() {
                catchUp();
            }

            @Override
            public void notified(List<PgListener.Notification> batch) {
                catchUp();
            }

            @Override
            public void checked() {
                catchUp();
            }
        });
    }

    /** Starts from the newest event now in the log: older ones reach clients only through replay. */
    public EventFeed start() {
        lastSeen = log.latestId();
        hub.startAt(lastSeen);
        listener.start();
        return this;
    }

    private void catchUp() {
        while (true) {
            List<EventLog.Entry> batch = log.after(lastSeen, BATCH);
            for (EventLog.Entry e : batch) {
                hub.publish(e);
                lastSeen = e.id();
            }
            if (batch.size() < BATCH) return;
        }
    }

    @Override
    public void close() {
        listener.close();
    }
}
