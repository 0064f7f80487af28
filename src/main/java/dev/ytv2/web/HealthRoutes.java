package dev.ytv2.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Optional;

/**
 * `GET /health` (the process answers), `GET /health/db` (the database answers too), and the two
 * probes YTV2's NAS worker makes: `GET /health/ingest` and `GET /api/version`.
 */
public final class HealthRoutes {
    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final Deployment deployment;

    /** What the probes report about this deployment's settings (never the values themselves). */
    public record Deployment(boolean ingestTokenSet, boolean adminTokenSet, boolean databaseUrlSet,
                             Optional<String> commit, Optional<String> branch) {
        public static final Deployment NONE = new Deployment(false, false, false, Optional.empty(), Optional.empty());
    }

    public HealthRoutes(Jdbi jdbi, ObjectMapper mapper) {
        this(jdbi, mapper, Deployment.NONE);
    }

    public HealthRoutes(Jdbi jdbi, ObjectMapper mapper, Deployment deployment) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.deployment = deployment;
    }

    public void ingest(Context ctx) {
        ctx.json(mapper.createObjectNode().put("status", "ok")
                .put("auth_required", true)
                .put("token_set", deployment.ingestTokenSet())
                .put("pg_dsn_set", deployment.databaseUrlSet())
                .put("timestamp", Instant.now().toString()));
    }

    public void version(Context ctx) {
        String version = Optional.ofNullable(HealthRoutes.class.getPackage().getImplementationVersion()).orElse("dev");
        ctx.json(mapper.createObjectNode().put("version", version)
                .put("commit", deployment.commit().orElse("unknown"))
                .put("branch", deployment.branch().orElse(null)));
    }

    public void process(Context ctx) {
        ctx.json(mapper.createObjectNode().put("status", "ok"));
    }

    public void database(Context ctx) {
        long started = System.nanoTime();
        try {
            long reports = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM report_index").mapTo(Long.class).one());
            ctx.json(mapper.createObjectNode().put("status", "ok").put("reports", reports)
                    .put("latency_ms", (System.nanoTime() - started) / 1_000_000.0));
        } catch (RuntimeException e) {
            ctx.status(503).json(mapper.createObjectNode().put("status", "unavailable")
                    .put("error", "database_unavailable").put("message", "The database does not answer."));
        }
    }
}
