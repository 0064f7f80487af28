package dev.ytv2.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Real PostgreSQL binaries from Maven, with the data directory kept under YTV2_DATA_DIR so the
 * library survives restarts. Started only when no DATABASE_URL is given.
 *
 * <p>It is closed to other local users: the superuser has a random password kept in
 * {@code postgres.password} (mode 0600) next to the cluster, every login must give it (SCRAM), the
 * server listens on 127.0.0.1 only and has no Unix socket. `pg_hba.conf` is rewritten at each start,
 * so a cluster made by a version that trusted local connections is closed on its first start.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    static final String SECRET_FILE = "postgres.password";
    private static final String HBA = """
            # Written by ytv2 at every start: password (SCRAM) logins over loopback only, no local socket.
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    public static EmbeddedDatabase start(Path dataDir) {
        Path pgData = dataDir.resolve("postgres");
        Path secretFile = dataDir.resolve(SECRET_FILE);
        try {
            Files.createDirectories(pgData);
            boolean existing = Files.exists(pgData.resolve("PG_VERSION"));
            boolean hadSecret = Files.exists(secretFile);
            String password = hadSecret ? Files.readString(secretFile).trim() : newSecret(secretFile);
            if (existing && !hadSecret) setPasswordOnce(pgData, password);
            EmbeddedPostgres.Builder b = builder(pgData)
                    // initdb of a new cluster: the superuser gets the password, and no login is trusted meanwhile.
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", secretFile.toString())
                    .setConnectConfig("password", password)
                    .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()));
            return new EmbeddedDatabase(b.start(), password);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            // The library holds a file lock on the directory for as long as its server runs.
            if (String.valueOf(e.getMessage()).startsWith("could not lock")) throw new DatabaseInUseException(pgData, e);
            throw e;
        }
    }

    private static EmbeddedPostgres.Builder builder(Path pgData) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("jit", "off")
                .setServerConfig("fsync", "on");
    }

    /** A cluster an older version made trusts loopback logins: give the superuser its password first. */
    private static void setPasswordOnce(Path pgData, String password) throws IOException {
        try (EmbeddedPostgres old = builder(pgData).start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("SET password_encryption = 'scram-sha-256'");
            st.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new IOException("could not set the database password: " + e.getMessage(), e);
        }
    }

    private static String newSecret(Path file) throws IOException {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        String secret = HexFormat.of().formatHex(b);
        Path tmp = Files.createTempFile(file.getParent(), ".secret-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, secret + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return secret;
    }

    private static void writeHba(Path pgData) {
        try {
            Files.writeString(pgData.resolve("pg_hba.conf"), HBA, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DatabaseUrl url() {
        return new DatabaseUrl(postgres.getJdbcUrl("postgres", "postgres"), Optional.of("postgres"), Optional.of(password));
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
