package dev.ytv2.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Real PostgreSQL binaries from Maven, with the data directory kept under YTV2_DATA_DIR so the
 * library survives restarts. Started only when no DATABASE_URL is given.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDir) {
        Path pgData = dataDir.resolve("postgres");
        try {
            Files.createDirectories(pgData);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("work_mem", "16MB")
                    .setServerConfig("jit", "off")
                    .setServerConfig("fsync", "on")
                    .start();
            return new EmbeddedDatabase(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + pgData + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            // The library holds a file lock on the directory for as long as its server runs.
            if (String.valueOf(e.getMessage()).startsWith("could not lock")) throw new DatabaseInUseException(pgData, e);
            throw e;
        }
    }

    public DatabaseUrl url() {
        return new DatabaseUrl(postgres.getJdbcUrl("postgres", "postgres"),
                java.util.Optional.of("postgres"), java.util.Optional.empty());
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
