package dev.ytv2.security;

import dev.ytv2.db.DatabaseUrl;
import dev.ytv2.db.EmbeddedDatabase;
import dev.ytv2.support.DbTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL asks for a password (SCRAM) that only the data directory's owner can
 * read, listens on loopback only, and has no Unix socket: another local user cannot become its
 * superuser. A data directory made by an older version, which trusted every local connection, is
 * closed the same way on its first start.
 */
@DbTest
class EmbeddedDatabaseAuthTest {

    static Connection connect(int port, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        if (password != null) p.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", p);
    }

    static void closedToStrangers(EmbeddedDatabase db, Path dataDir) throws Exception {
        Path secret = dataDir.resolve("postgres.password");
        assertThat(Files.getPosixFilePermissions(secret)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> connect(db.port(), null).close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(db.port(), "postgres").close()).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> connect(db.port(), "").close()).isInstanceOf(SQLException.class);
        DatabaseUrl url = db.url();
        assertThat(url.password()).contains(Files.readString(secret).trim());
        try (Connection c = connect(db.port(), url.password().orElseThrow());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT current_setting('listen_addresses'), current_setting('unix_socket_directories'), "
                             + "(SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'postgres')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
            assertThat(rs.getString(2)).isEmpty();
            assertThat(rs.getBoolean(3)).isTrue();
        }
    }

    @Test
    void aNewDataDirectoryAsksForTheSecretThatOnlyItsOwnerCanRead() throws Exception {
        Path dataDir = Files.createTempDirectory("ytv2-pg-auth-");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            closedToStrangers(db, dataDir);
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDir)) {
            closedToStrangers(again, dataDir);
        }
    }

    @Test
    void aDataDirectoryThatTrustedLocalConnectionsIsClosedOnItsFirstStart() throws Exception {
        Path dataDir = Files.createTempDirectory("ytv2-pg-old-");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            connect(old.getPort(), null).close();
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            closedToStrangers(db, dataDir);
        }
    }
}
