package dev.ytv2.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one way the product reaches PostgreSQL: an external server when DATABASE_URL is set,
 * otherwise the embedded one; a HikariCP pool; Flyway migrations applied before anything runs.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final DatabaseUrl url;
    private final Optional<EmbeddedDatabase> embedded;

    private Database(HikariDataSource dataSource, DatabaseUrl url, Optional<EmbeddedDatabase> embedded) {
        this.dataSource = dataSource;
        this.url = url;
        this.embedded = embedded;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    }

    public static Database open(Optional<String> databaseUrl, Path dataDir, int poolSize) {
        Optional<EmbeddedDatabase> embedded = databaseUrl.isPresent()
                ? Optional.empty() : Optional.of(EmbeddedDatabase.start(dataDir));
        DatabaseUrl url = databaseUrl.map(DatabaseUrl::parse).orElseGet(() -> embedded.get().url());
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url.jdbcUrl());
        url.user().ifPresent(hc::setUsername);
        url.password().ifPresent(hc::setPassword);
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(Math.min(2, poolSize));
        hc.setPoolName("ytv2");
        // Our queries are short and planned once per connection; JIT compilation would add tens of
        // milliseconds to exactly the large facet and search queries we want fast.
        hc.setConnectionInitSql("SET jit = off");
        // Fail fast while the database is down so callers can answer 503 instead of hanging.
        hc.setConnectionTimeout(3_000);
        hc.setInitializationFailTimeout(30_000);
        HikariDataSource ds = new HikariDataSource(hc); // waits up to its initialisation timeout for the database
        // Migrations connect on their own, not through the pool: Flyway holds one connection for the
        // migration and opens more for its lock and callbacks, which a small pool cannot lend at once.
        org.postgresql.ds.PGSimpleDataSource direct = new org.postgresql.ds.PGSimpleDataSource();
        direct.setUrl(url.jdbcUrl());
        url.user().ifPresent(direct::setUser);
        url.password().ifPresent(direct::setPassword);
        try {
            migrate(direct);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, url, embedded);
    }

    /**
     * Baseline at version 0 so an existing YTV2 database (tables but no Flyway history) still runs
     * every migration; migrations are written to only ever add.
     */
    static void migrate(javax.sql.DataSource ds) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .callbacks(new UpstreamSummaryView())
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    public DatabaseUrl url() {
        return url;
    }

    public boolean isEmbedded() {
        return embedded.isPresent();
    }

    public String describe() {
        return embedded.map(e -> "embedded PostgreSQL on port " + e.port())
                .orElseGet(() -> DatabaseUrl.redact(url.jdbcUrl()));
    }

    @Override
    public void close() {
        dataSource.close();
        embedded.ifPresent(EmbeddedDatabase::close);
    }
}
