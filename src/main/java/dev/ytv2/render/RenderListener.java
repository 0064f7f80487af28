package dev.ytv2.render;

import dev.ytv2.db.DatabaseUrl;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * LISTEN on the render channel over a connection of its own (outside the pool, which it would
 * otherwise hold forever). After every (re)connect it calls `onConnected`, since notifications
 * sent while it was away are lost and a sweep must find that work instead.
 */
final class RenderListener implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RenderListener.class);
    private static final int POLL_MILLIS = 250;

    private final DatabaseUrl url;
    private final Consumer<String> onNotify;
    private final Runnable onConnected;
    private volatile boolean stopped;

    RenderListener(DatabaseUrl url, Consumer<String> onNotify, Runnable onConnected) {
        this.url = url;
        this.onNotify = onNotify;
        this.onConnected = onConnected;
    }

    @Override
    public void run() {
        while (!stopped) {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                st.execute("LISTEN " + RenderRequests.CHANNEL);
                onConnected.run();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!stopped) {
                    PGNotification[] notes = pg.getNotifications(POLL_MILLIS);
                    if (notes == null) continue;
                    for (PGNotification n : notes) onNotify.accept(n.getParameter());
                }
            } catch (SQLException | RuntimeException e) {
                if (stopped) return;
                LOG.warn("render listener: {}; reconnecting in 1 s", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        url.user().ifPresent(u -> p.setProperty("user", u));
        url.password().ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("ApplicationName", "ytv2-render-listener");
        return DriverManager.getConnection(url.jdbcUrl(), p);
    }

    void stop() {
        stopped = true;
    }
}
