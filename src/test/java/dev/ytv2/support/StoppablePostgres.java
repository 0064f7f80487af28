package dev.ytv2.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server of a test's own (not the shared one), on a fixed data directory and port, so
 * it can be stopped, crashed and started again under a running product without hurting other tests.
 * Settings are those of an ordinary server: commits are synchronous and durable.
 */
public final class StoppablePostgres implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres pg;

    public StoppablePostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    public static StoppablePostgres started() {
        try {
            StoppablePostgres s = new StoppablePostgres(Files.createTempDirectory("ytv2-pg-"), ServerProcess.freePort());
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void start() {
        try {
            pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                    .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on")
                    .setServerConfig("max_connections", "100").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clean shutdown (pg_ctl stop): clients are disconnected, nothing committed is lost. */
    public void stop() {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A crash: SIGKILL to the postmaster and every backend; the next start recovers from the WAL. */
    public void crash() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
            // Releases this JVM's lock on the data directory; its pg_ctl stop finds nothing to stop.
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh database in this server; answers its `postgres://` URL. */
    public String newDatabase(String name) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "postgres://postgres:postgres@localhost:" + port + "/" + name;
    }

    @Override
    public void close() {
        try {
            pg.close();
        } catch (IOException | RuntimeException ignored) {
            // already stopped or crashed
        }
    }
}
