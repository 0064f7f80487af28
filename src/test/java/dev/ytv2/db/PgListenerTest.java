package dev.ytv2.db;

import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The one LISTEN loop: what it hears, and that it comes back, and says so, whatever took its connection. */
@DbTest
class PgListenerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static DatabaseUrl url;

    @BeforeAll
    static void database() {
        url = DatabaseUrl.parse(TestDatabase.newDatabase());
    }

    /** Records every call; `failConnects` first calls of `connected` throw. */
    private static final class Recorder implements PgListener.Handler {
        final AtomicInteger connects = new AtomicInteger();
        final List<PgListener.Notification> heard = new CopyOnWriteArrayList<>();
        final int failConnects;

        Recorder(int failConnects) {
            this.failConnects = failConnects;
        }

        @Override
        public void connected() {
            if (connects.incrementAndGet() <= failConnects) throw new IllegalStateException("catch-up failed");
        }

        @Override
        public void notified(List<PgListener.Notification> batch) {
            heard.addAll(batch);
        }
    }

    @Test
    void aNotificationSentAfterItsBackendWasTerminatedStillArrives() throws Exception {
        Recorder r = new Recorder(0);
        try (PgListener listener = new PgListener(url, "pg-listener-test-kill", List.of("test_kill"), r).start()) {
            await().atMost(WAIT).until(() -> r.connects.get() == 1);
            notify("test_kill", "before");
            await().atMost(WAIT).until(() -> r.heard.contains(new PgListener.Notification("test_kill", "before")));

            assertThat(terminate("pg-listener-test-kill")).as("backends terminated").isEqualTo(1);
            // connected() runs once LISTEN is in place again, so a NOTIFY from here on must be heard.
            await().atMost(WAIT).until(() -> r.connects.get() == 2);
            notify("test_kill", "after");
            await().atMost(WAIT).until(() -> r.heard.contains(new PgListener.Notification("test_kill", "after")));
            assertThat(r.heard).extracting(PgListener.Notification::payload).containsExactly("before", "after");
        }
    }

    @Test
    void aHandlerThatThrowsIsTreatedAsALostConnectionAndRetried() throws Exception {
        Recorder r = new Recorder(2);
        try (PgListener listener = new PgListener(url, "pg-listener-test-fail", List.of("test_fail"), r).start()) {
            await().atMost(WAIT).until(() -> r.connects.get() == 3);
            notify("test_fail", "heard");
            await().atMost(WAIT).until(() -> r.heard.contains(new PgListener.Notification("test_fail", "heard")));
            assertThat(backends("pg-listener-test-fail")).as("the failed connections were closed").isEqualTo(1);
        }
    }

    @Test
    void itListensOnEveryChannelAndClosingEndsItsConnection() throws Exception {
        Recorder r = new Recorder(0);
        PgListener listener = new PgListener(url, "pg-listener-test-two", List.of("test_one", "test_two"), r).start();
        try {
            await().atMost(WAIT).until(() -> r.connects.get() == 1);
            notify("test_one", "a");
            notify("test_two", "b");
            await().atMost(WAIT).until(() -> r.heard.size() == 2);
            assertThat(r.heard).containsExactly(new PgListener.Notification("test_one", "a"), new PgListener.Notification("test_two", "b"));
        } finally {
            listener.close();
        }
        await().atMost(WAIT).until(() -> backends("pg-listener-test-two") == 0);
    }

    @Test
    void aChannelNameThatIsNotPlainIsRefused() {
        assertThatThrownBy(() -> new PgListener(url, "x", List.of("a; DROP TABLE t"), new Recorder(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(url.jdbcUrl(), url.user().orElse(null), url.password().orElse(null));
    }

    private static void notify(String channel, String payload) throws SQLException {
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            st.setString(1, channel);
            st.setString(2, payload);
            st.execute();
        }
    }

    private static int terminate(String applicationName) throws SQLException {
        return count("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                + " WHERE application_name = ? AND datname = current_database()", applicationName);
    }

    private static int backends(String applicationName) throws SQLException {
        return count("SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()", applicationName);
    }

    private static int count(String sql, String applicationName) throws SQLException {
        try (Connection c = connection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, applicationName);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
