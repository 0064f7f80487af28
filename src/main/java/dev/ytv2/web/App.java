package dev.ytv2.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ytv2.content.AudioUploadRoutes;
import dev.ytv2.content.IngestRoutes;
import dev.ytv2.content.ReportRoutes;
import dev.ytv2.content.ReprocessRoutes;
import dev.ytv2.errors.Refusal;
import dev.ytv2.events.EventRoutes;
import dev.ytv2.files.ExportRoutes;
import dev.ytv2.http.ApiError;
import dev.ytv2.images.ImageRoutes;
import dev.ytv2.images.UploadRoutes;
import dev.ytv2.render.JobRoutes;
import dev.ytv2.semantic.SemanticRoutes;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/** The HTTP server: the whole route table on one page, auth at each route, one error shape. */
public final class App {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https: http:; "
            + "media-src 'self' https: http:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'";

    /** Everything the routes call, built in {@code Main}. */
    public record Parts(ObjectMapper mapper, Auth auth, long maxUploadBytes, ReportRoutes reports, IngestRoutes ingest,
                        ExportRoutes exports, HealthRoutes health, SessionRoutes session, StaticAssets assets,
                        ImageRoutes images, UploadRoutes uploads, JobRoutes jobs, EventRoutes events,
                        AudioUploadRoutes audioUploads, ReprocessRoutes reprocess,
                        SemanticRoutes semantic) {
    }

    private final Parts p;

    public App(Parts parts) {
        this.p = parts;
    }

    public Javalin javalin() {
        return Javalin.create(this::configure);
    }

    private void configure(JavalinConfig config) {
        config.jsonMapper(new JavalinJackson(p.mapper(), false));
        config.startup.showJavalinBanner = false;
        config.http.maxRequestSize = 8L * 1024 * 1024;
        config.jetty.multipartConfig.maxFileSize(p.maxUploadBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(p.maxUploadBytes() + 64 * 1024, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        // Jetty refuses some requests before any route runs (say, a URI that is not valid UTF-8).
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrorHandler()));
        var r = config.routes;

        r.before(this::securityHeaders);

        r.get("/", p.assets()::index);
        r.get("/static/{version}/<path>", p.assets()::asset);
        r.get("/health", p.health()::process);
        r.get("/health/db", p.health()::database);
        r.get("/health/ingest", p.health()::ingest);
        r.get("/api/version", p.health()::version);

        r.get("/api/session", p.session()::show);
        r.post("/api/session", p.session()::signIn);
        r.delete("/api/session", p.session()::signOut);

        r.get("/api/reports", read(p.semantic()::reports));
        r.get("/api/reports/{id}", read(p.reports()::detail));
        r.get("/api/reports/{id}/related", read(p.semantic()::related));
        r.get("/api/semantic-search", read(p.semantic()::semanticSearch));
        r.get("/api/semantic-similar", read(p.semantic()::semanticSimilar));
        r.get("/api/semantic/status", read(p.semantic()::status));
        r.delete("/api/reports/{id}", admin(p.reports()::delete));
        r.post("/api/reprocess", ctx -> {
            p.auth().requireReprocess(ctx);
            p.reprocess().reprocess(ctx);
        });
        r.get("/api/filters", read(p.reports()::filters));

        r.post("/ingest/report", ingest(p.ingest()::report));
        r.post("/ingest/audio", ingest(p.ingest()::audio));

        r.post("/api/set-image-prompt", admin(p.images()::setPrompt));
        r.post("/api/select-image-variant", admin(p.images()::selectVariant));
        r.post("/api/set-image-display-mode", admin(p.images()::setDisplayMode));
        r.post("/api/delete-image-variant", admin(p.images()::deleteVariant));
        r.post("/api/restore-image-variant", admin(p.images()::restoreVariant));
        r.post("/api/star-image-variant", admin(p.images()::starVariant));
        r.post("/api/delete-all-ai-images", admin(p.images()::deleteAllAi));
        r.post("/api/upload-image", uploader(p.uploads()::upload));
        r.post("/api/upload-audio", uploader(p.audioUploads()::upload));
        r.get("/api/image-jobs", read(ctx -> p.jobs().list(ctx, p.auth().isAdmin(ctx))));
        r.post("/api/image-jobs/{id}/retry", admin(p.jobs()::retry));

        r.get("/api/report-events", read(p.events()::stream));

        r.get("/exports/by_video/{id}", read(p.audioUploads()::byVideo));
        r.head("/exports/by_video/{id}", read(p.audioUploads()::byVideo));
        r.get("/exports/<path>", read(p.exports()::serve));
        r.head("/exports/<path>", read(p.exports()::serve));

        r.exception(ApiError.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            error(ctx, e.status(), e.code(), e.getMessage());
        });
        r.exception(Refusal.class, (e, ctx) -> {
            ApiError answer = ApiError.of(e);
            error(ctx, answer.status(), answer.code(), answer.getMessage());
        });
        r.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 413) ctx.header("Connection", "close"); // the unread body is not drained either
            error(ctx, e.getStatus(), switch (e.getStatus()) {
                    case 404 -> "not_found";
                    case 405 -> "method_not_allowed";
                    case 413 -> "too_large";
                    default -> "bad_request";
                }, e.getMessage());
        });
        r.exception(Exception.class, this::unexpected);
        r.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) error(ctx, 404, "not_found", "There is nothing at " + ctx.path() + ".");
        });
        r.error(405, ctx -> error(ctx, 405, "method_not_allowed", "That method is not allowed here."));
    }

    private Handler read(Handler h) {
        return ctx -> {
            p.auth().requireRead(ctx);
            h.handle(ctx);
        };
    }

    private Handler admin(Handler h) {
        return ctx -> {
            p.auth().requireAdmin(ctx);
            h.handle(ctx);
        };
    }

    private Handler ingest(Handler h) {
        return ctx -> {
            p.auth().requireIngest(ctx);
            h.handle(ctx);
        };
    }

    private Handler uploader(Handler h) {
        return ctx -> {
            p.auth().requireUploader(ctx);
            h.handle(ctx);
        };
    }

    private void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        if (p.auth().answersArePrivate(ctx)) ctx.header("Cache-Control", "no-store");
        // Javalin would route by this header; a POST must stay a POST whatever it claims.
        if (ctx.header("X-HTTP-Method-Override") != null) {
            throw ApiError.badRequest("method_override", "X-HTTP-Method-Override is not honoured here; send the real method.");
        }
    }

    private void unexpected(Exception e, Context ctx) {
        Optional<org.eclipse.jetty.http.BadMessageException> badMessage = causeOf(e, org.eclipse.jetty.http.BadMessageException.class);
        if (badMessage.isPresent()) {
            // Jetty refuses malformed or oversized multipart bodies while parsing them for us. The rest
            // of such a body is never read, so Jetty drops the connection after answering: say so, or a
            // keep-alive client sends its next request into a closing socket and gets no answer.
            ctx.header("Connection", "close");
            boolean tooLarge = causeOf(e, IllegalStateException.class).map(t -> String.valueOf(t.getMessage()).contains("exceeded")).orElse(false);
            if (tooLarge) error(ctx, 413, "too_large", "The upload is larger than this server accepts.");
            else error(ctx, 400, "bad_request", "The request body could not be read: " + badMessage.get().getReason());
            return;
        }
        if (isBadEscape(e)) {
            error(ctx, 400, "bad_request", "The request path has an invalid percent-escape.");
            return;
        }
        if (isDatabaseDown(e)) {
            ctx.header("Retry-After", "5");
            error(ctx, 503, "database_unavailable", "The database is not reachable right now; try again shortly.");
            return;
        }
        Optional<String> refusedValue = refusedValue(e);
        if (refusedValue.isPresent()) {
            // A value PostgreSQL refuses (out of range, too complex) came from the request: one line, no trace.
            LOG.warn("refused a value on {} {}: SQLSTATE {}", ctx.method(), ctx.path(), refusedValue.get());
            error(ctx, 400, "invalid_input", "A value in the request is outside what this server can store or search.");
            return;
        }
        LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
        error(ctx, 500, "internal_error", "Something went wrong on the server; it has been logged.");
    }

    private static <T extends Throwable> Optional<T> causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return Optional.of(type.cast(t));
        }
        return Optional.empty();
    }

    /** Javalin decodes path parameters with URLDecoder, which throws on escapes like `%u202e`. */
    private static boolean isBadEscape(Throwable e) {
        StackTraceElement[] at = e.getStackTrace();
        return e instanceof IllegalArgumentException && at.length > 0 && at[0].getClassName().equals("java.net.URLDecoder");
    }

    /** Data exceptions (class 22) and program limits (54) are about a value, not about the server. */
    private static Optional<String> refusedValue(Throwable e) {
        return causeOf(e, java.sql.SQLException.class).map(java.sql.SQLException::getSQLState)
                .filter(state -> state != null && (state.startsWith("22") || state.startsWith("54")));
    }

    private static boolean isDatabaseDown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) return true;
            // 08: connection exceptions; 57P: the server is shutting down, crashed, or not yet accepting
            // (a pooled connection opened before an outage fails with 57P01 "terminating connection").
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) return true;
            if (t instanceof org.jdbi.v3.core.ConnectionException) return true;
        }
        return false;
    }

    static void error(Context ctx, int status, String code, String message) {
        ctx.status(status).json(java.util.Map.of("error", code, "message", message == null ? code : message));
    }
}
