package dev.ytv2.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;

/** `GET /health` (the process answers) and `GET /health/db` (the database answers too). */
public final class HealthRoutes {
    private final Jdbi jdbi;
    private final ObjectMapper mapper;

    public HealthRoutes(Jdbi jdbi, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.mapper = mapper;
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
