package dev.ytv2.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.app.Config;
import dev.ytv2.app.Wiring;
import dev.ytv2.events.EventHub;
import dev.ytv2.http.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The real server on a free port over a fresh test database, plus a small HTTP client for tests. */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN = "test-admin-token";
    public static final String INGEST = "test-ingest-token";

    public final Wiring.Running running;
    public final String base;
    public final Path dataDir;
    public final String databaseUrl;
    public final ObjectMapper mapper = Json.mapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Wiring.Running running, Path dataDir, String databaseUrl) {
        this.running = running;
        this.base = "http://localhost:" + running.port();
        this.dataDir = dataDir;
        this.databaseUrl = databaseUrl;
    }

    public static TestServer start() {
        return start(env -> { });
    }

    public static TestServer start(Consumer<Map<String, String>> tweak) {
        return start(TestDatabase.newDatabase(), tweak);
    }

    public static TestServer start(String databaseUrl, Consumer<Map<String, String>> tweak) {
        return start(databaseUrl, tweak, false);
    }

    /** With the render worker running inside, as `ytv2 serve` does. */
    public static TestServer startWithWorker(Consumer<Map<String, String>> tweak) {
        return start(TestDatabase.newDatabase(), tweak, true);
    }

    private static TestServer start(String databaseUrl, Consumer<Map<String, String>> tweak, boolean worker) {
        try {
            Path dataDir = Files.createTempDirectory("ytv2-test-");
            Map<String, String> env = new HashMap<>();
            env.put("PORT", "0");
            env.put("YTV2_DATA_DIR", dataDir.toString());
            env.put("DATABASE_URL", databaseUrl);
            env.put("DEBUG_TOKEN", ADMIN);
            env.put("INGEST_TOKEN", INGEST);
            tweak.accept(env);
            return new TestServer(Wiring.startServer(Config.fromEnv(env), worker), dataDir, databaseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    public HttpResponse<String> post(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    public HttpResponse<String> delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), headers);
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ingests one report with the ingest token; fails the test unless it is accepted. */
    public JsonNode ingest(ObjectNode report) {
        HttpResponse<String> r = post("/ingest/report", report.toString(), "X-INGEST-TOKEN", INGEST);
        if (r.statusCode() != 200 && r.statusCode() != 201) {
            throw new AssertionError("ingest refused: " + r.statusCode() + " " + r.body());
        }
        return json(r);
    }

    /**
     * Writes one report as the operator's `ytv2 import` does: for fixtures that name image files the
     * test placed in the store itself, which the ingest API would refuse as not the client's uploads.
     */
    public void place(ObjectNode report) {
        running.services().writer().upsert(dev.ytv2.content.IngestPayload.parse(report, mapper),
                dev.ytv2.content.ReportWriter.Origin.OPERATOR);
    }

    public HttpResponse<String> adminPost(String path, String body) {
        return post(path, body, "Authorization", "Bearer " + ADMIN);
    }

    public JsonNode json(HttpResponse<String> response) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    public JsonNode getJson(String path) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) throw new AssertionError("GET " + path + " -> " + r.statusCode() + " " + r.body());
        return json(r);
    }

    /** This server's stream hub, to watch how many browsers it holds. */
    public EventHub hub() {
        return running.background().stream().filter(EventHub.class::isInstance).map(EventHub.class::cast)
                .findFirst().orElseThrow();
    }

    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    @Override
    public void close() {
        running.close();
    }
}
