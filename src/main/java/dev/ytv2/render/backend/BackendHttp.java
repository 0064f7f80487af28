package dev.ytv2.render.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * HTTP for the network backends (and the embedding service): bounded timeouts, and every failure turned into a
 * {@link BackendException} that says which backend, which call, and what the server answered.
 */
public final class BackendHttp {
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_REASON = 300;
    /** Far above any image a backend returns (a 4096x4096 PNG in base64 is about 60 MB); a wrong URL
     *  pointing at a file server must not fill the worker's memory, which in `serve` is the dashboard's. */
    private static final long MAX_ANSWER_BYTES = 96L * 1024 * 1024;

    private final String backend;
    private final Duration timeout;
    private final List<String> headers;
    private final ObjectMapper mapper;
    private final HttpClient client;
    private final long maxAnswerBytes;

    BackendHttp(String backend, Duration timeout, List<String> headers, ObjectMapper mapper) {
        this(backend, timeout, headers, mapper, MAX_ANSWER_BYTES);
    }

    public BackendHttp(String backend, Duration timeout, List<String> headers, ObjectMapper mapper, long maxAnswerBytes) {
        this.maxAnswerBytes = maxAnswerBytes;
        this.backend = backend;
        this.timeout = timeout;
        this.headers = headers;
        this.mapper = mapper;
        // HTTP/1.1: the servers we talk to are small Python apps that do not all handle an h2c upgrade.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(quickTimeout()).build();
    }

    /** For health checks and polls: short, and never longer than a render's own timeout. */
    Duration quickTimeout() {
        return timeout.compareTo(HEALTH_TIMEOUT) < 0 ? timeout : HEALTH_TIMEOUT;
    }

    public JsonNode postJson(String url, JsonNode body) throws BackendException, InterruptedException {
        HttpRequest.Builder b = request(url, timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        return json(url, send(b, url, "POST"));
    }

    JsonNode getJson(String url, Duration limit) throws BackendException, InterruptedException {
        return json(url, send(request(url, limit).GET(), url, "GET"));
    }

    byte[] getBytes(String url) throws BackendException, InterruptedException {
        return send(request(url, timeout).GET(), url, "GET");
    }

    private HttpRequest.Builder request(String url, Duration limit) throws BackendException {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(url)).timeout(limit).header("Accept", "application/json, image/*");
        } catch (IllegalArgumentException e) {
            throw new BackendException(backend, "bad URL " + url);
        }
        for (int i = 0; i < headers.size(); i += 2) b.header(headers.get(i), headers.get(i + 1));
        return b;
    }

    /**
     * The whole answer, headers and body, must arrive within the request's timeout. The JDK
     * client's own timeout stops at the headers: a server that sends them and then goes silent
     * would hold a render (and, its lease being renewed, its job) forever.
     */
    private byte[] send(HttpRequest.Builder b, String url, String method) throws BackendException, InterruptedException {
        HttpRequest request = b.build();
        String call = method + " " + request.uri().getPath();
        Duration limit = request.timeout().orElse(timeout);
        AtomicBoolean headersArrived = new AtomicBoolean();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, info -> {
            headersArrived.set(true);
            return new BoundedBody(maxAnswerBytes);
        });
        HttpResponse<byte[]> r;
        try {
            r = pending.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true); // closes the connection
            throw new BackendException(backend, headersArrived.get()
                    ? "the answer to " + call + " stopped arriving; not complete within " + seconds(limit)
                    : "no answer to " + call + " within " + seconds(limit), e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new BackendException(backend, "no answer to " + call + " within " + seconds(limit), cause);
            }
            if (cause instanceof ConnectException) throw new BackendException(backend, "cannot connect to " + url, cause);
            if (cause instanceof BoundedBody.TooLarge) {
                throw new BackendException(backend, "the answer to " + call + " is larger than "
                        + maxAnswerBytes + " bytes", cause);
            }
            throw new BackendException(backend, call + " failed: " + cause, cause);
        }
        if (r.statusCode() / 100 != 2) {
            throw new BackendException(backend, "HTTP " + r.statusCode() + " from " + call + reason(r.body()));
        }
        return r.body();
    }

    private JsonNode json(String url, byte[] body) throws BackendException {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new BackendException(backend, "the answer from " + URI.create(url).getPath() + " is not JSON");
        }
    }

    /** The server's own explanation (FastAPI `detail`, OpenAI `error.message`, A1111 `errors`, ...) when there is one. */
    private String reason(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        try {
            JsonNode n = mapper.readTree(body);
            List<String> parts = new java.util.ArrayList<>();
            for (String key : List.of("error", "detail", "message", "errors")) {
                JsonNode v = n.path(key);
                String part = v.isObject() && v.path("message").isTextual() ? v.get("message").asText()
                        : v.isTextual() ? v.asText() : v.isMissingNode() || v.isNull() ? "" : v.toString();
                if (!part.isBlank() && !parts.contains(part.strip())) parts.add(part.strip());
            }
            if (!parts.isEmpty()) text = String.join(": ", parts);
        } catch (IOException | RuntimeException notJson) {
            // plain-text body: keep it as it is
        }
        if (text.isEmpty()) return "";
        return ": " + (text.length() > MAX_REASON ? text.substring(0, MAX_REASON) + "…" : text);
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
