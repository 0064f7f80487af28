package dev.ytv2.events;

import dev.ytv2.db.DatabaseUrl;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * Feeds the {@link EventHub} from PostgreSQL: one dedicated (non-pooled) connection LISTENs on
 * {@link EventLog#CHANNEL}; each NOTIFY, and a slow poll as a safety net, makes it read event_log
 * past the last id it has seen. After a dropped connection it reconnects with backoff and catches
 * up the same way, so no committed event is skipped, whichever server raised it.
 */
public final class EventFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);
    public static final String APPLICATION_NAME = "ytv2-event-feed";
    private static final int BATCH = 500;
    private static final long POLL_MILLIS = 5_000;

    private final DatabaseUrl url;
    private final EventLog log;
    private final EventHub hub;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection current;
    private long lastSeen;

    public EventFeed(DatabaseUrl url, EventLog log, EventHub hub) {
        this.url = url;
        this.log = log;
        this.hub = hub;
        this.thread = new Thread(this::run, "event-feed");
        thread.setDaemon(true);
    }

    /** Starts from the newest event now in the log: older ones reach clients only through replay. */
    public EventFeed start() {
        lastSeen = log.latestId();
        hub.startAt(lastSeen);
        thread.start();
        return this;
    }

    private void run() {
        long backoff = 100;
        while (running) {
            try (Connection c = connect()) {
                current = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + EventLog.CHANNEL);
                }
                backoff = 100;
                catchUp();
                listen(c.unwrap(PGConnection.class), c);
            } catch (SQLException | RuntimeException e) {
                if (!running) return;
                LOG.warn("event feed lost its database connection ({}); reconnecting in {} ms", e.getMessage(), backoff);
                sleep(backoff);
                // Capped low: a refused connection costs nothing, and every second past the database's
                // return is a second of live updates held back from every browser.
                backoff = Math.min(backoff * 2, 2_000);
            } finally {
                current = null;
            }
        }
    }

    private void listen(PGConnection pg, Connection c) throws SQLException {
        long lastPoll = System.currentTimeMillis();
        while (running) {
            PGNotification[] notes = pg.getNotifications(1000);
            boolean pollDue = System.currentTimeMillis() - lastPoll >= POLL_MILLIS;
            if (pollDue && !c.isValid(5)) throw new SQLException("listen connection is no longer valid");
            if ((notes != null && notes.length > 0) || pollDue) {
                catchUp();
                lastPoll = System.currentTimeMillis();
            }
        }
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

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        url.user().ifPresent(u -> props.setProperty("user", u));
        url.password().ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", APPLICATION_NAME);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url.jdbcUrl(), props);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        Connection c = current;
        thread.interrupt();
        try {
            if (c != null) c.close();
        } catch (SQLException ignored) {
            // closing to stop the loop; nothing to recover
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
