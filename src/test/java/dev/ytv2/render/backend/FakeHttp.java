package dev.ytv2.render.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A local HTTP server for backend tests: answers by method and path, and records every request. */
public final class FakeHttp implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    public record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String header(String name) {
            List<String> v = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(List.of());
            return v.isEmpty() ? null : v.get(0);
        }
    }

    /** `stalls`: send the headers and `body`, announce more bytes than that, then go silent until closed. */
    public record Response(int status, String contentType, byte[] body, boolean stalls) {
        public Response(int status, String contentType, byte[] body) {
            this(status, contentType, body, false);
        }

        public static Response stalled(int status, String contentType, byte[] start) {
            return new Response(status, contentType, start, true);
        }

        public static Response json(int status, String json) {
            return new Response(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public static Response json(String json) {
            return json(200, json);
        }
    }

    public interface Responder {
        Response answer(Request r) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Responder> routes = new ConcurrentHashMap<>();
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeHttp() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** `path` may end in `*` to answer every path under it. */
    public FakeHttp on(String method, String path, Responder responder) {
        routes.put(method + " " + path, responder);
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                Map.copyOf(ex.getRequestHeaders()), ex.getRequestBody().readAllBytes());
        requests.add(r);
        Responder responder = routes.get(r.method() + " " + r.path());
        if (responder == null) {
            responder = routes.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("*") && (r.method() + " " + r.path()).startsWith(e.getKey().substring(0, e.getKey().length() - 1)))
                    .map(Map.Entry::getValue).findFirst().orElse(req -> Response.json(404, "{\"detail\":\"Not Found\"}"));
        }
        Response out;
        try {
            out = responder.answer(r);
        } catch (Exception e) {
            out = Response.json(500, "{\"error\":\"fake server: " + e + "\"}");
        }
        ex.getResponseHeaders().set("Content-Type", out.contentType());
        if (out.stalls()) {
            stall(ex, out);
            return;
        }
        ex.sendResponseHeaders(out.status(), out.body().length == 0 ? -1 : out.body().length);
        if (out.body().length > 0) ex.getResponseBody().write(out.body());
        ex.close();
    }

    private static void stall(HttpExchange ex, Response out) throws IOException {
        ex.sendResponseHeaders(out.status(), out.body().length + 100_000L);
        ex.getResponseBody().write(out.body());
        ex.getResponseBody().flush();
        try {
            Thread.sleep(Long.MAX_VALUE); // until close() interrupts
        } catch (InterruptedException e) {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
