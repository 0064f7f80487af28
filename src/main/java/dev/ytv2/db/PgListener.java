package dev.ytv2.db;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * LISTEN on some channels over a connection of its own, outside the pool (which it would otherwise
 * hold forever), on a thread of its own that makes every {@link Handler} call.
 *
 * <p>One reconnect policy for every listener: a connection that fails (refused, terminated, or a
 * liveness check that does not answer), or a handler call that throws, is dropped and opened again
 * after a backoff of 100 ms doubling up to 2 s. Notifications sent while no connection listened are
 * lost, so after every (re)connect, once LISTEN is in place, {@link Handler#connected()} lets the
 * user catch up from its own tables.
 */
public final class PgListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PgListener.class);
    private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    // How long one wait for notifications lasts; one that arrives ends the wait at once.
    private static final int WAIT_MILLIS = 250;
    // A connection whose peer vanished without a word shows nothing while waiting: it is asked this often.
    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    private static final long FIRST_BACKOFF_MILLIS = 100;
    // Capped low: a refused connection costs nothing, and every second past the database's return
    // is a second of notifications nobody hears.
    private static final long MAX_BACKOFF_MILLIS = 2_000;

    /** A NOTIFY as heard: its channel and payload. */
    public record Notification(String channel, String payload) {
    }

    /** Called on the listener's thread only, so a handler needs no locking of its own state. */
    public interface Handler {
        /** LISTEN is in place on a new connection: look for what was missed while none listened. */
        void connected();

        /** The notifications that arrived together, in order. */
        void notified(List<Notification> batch);

        /** Every few seconds, once the connection answered: a chance for a slow poll as a safety net. */
        default void checked() {
        }
    }

    private final DatabaseUrl url;
    private final String name;
    private final List<String> channels;
    private final Handler handler;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection current;

    /** `name` is the connection's application_name in pg_stat_activity and the thread's name. */
    public PgListener(DatabaseUrl url, String name, List<String> channels, Handler handler) {
        for (String c : channels) {
            if (!CHANNEL_NAME.matcher(c).matches()) throw new IllegalArgumentException("not a plain channel name: " + c);
        }
        this.url = url;
        this.name = name;
        this.channels = List.copyOf(channels);
        this.handler = handler;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    public PgListener start() {
        thread.start();
        return this;
    }

    private void run() {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (running) {
            try (Connection c = connect()) {
                current = c;
                try (Statement st = c.createStatement()) {
                    for (String channel : channels) st.execute("LISTEN " + channel);
                }
                handler.connected();
                backoff = FIRST_BACKOFF_MILLIS;
                listen(c);
            } catch (SQLException | RuntimeException e) {
                if (!running) return;
                LOG.warn("{}: lost its database connection ({}); reconnecting in {} ms", name, e.getMessage(), backoff);
                if (!sleep(backoff)) return;
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            } finally {
                current = null;
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastCheck = System.nanoTime();
        while (running) {
            PGNotification[] notes = pg.getNotifications(WAIT_MILLIS);
            if (notes != null && notes.length > 0) {
                List<Notification> batch = new ArrayList<>(notes.length);
                for (PGNotification n : notes) batch.add(new Notification(n.getName(), n.getParameter()));
                handler.notified(batch);
            }
            if (System.nanoTime() - lastCheck >= CHECK_EVERY.toNanos()) {
                if (!c.isValid(5)) throw new SQLException("the listening connection no longer answers");
                lastCheck = System.nanoTime();
                handler.checked();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        url.user().ifPresent(u -> props.setProperty("user", u));
        url.password().ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", name);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url.jdbcUrl(), props);
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Stops listening: closing the connection ends a wait in progress at once. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        Connection c = current;
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
