package dev.ytv2.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** `POST /api/reprocess` against a local fake of YTV2's processing backend, in each way it can answer. */
@DbTest
class ReprocessTest {
    static HttpServer backend;
    static TestServer server;
    static volatile int status;
    static volatile String answer;
    static volatile CountDownLatch hang;
    static final List<String> received = new CopyOnWriteArrayList<>();
    static final List<String> tokens = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.setExecutor(Executors.newCachedThreadPool());
        backend.createContext("/api/reprocess", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            tokens.add(String.valueOf(ex.getRequestHeaders().getFirst("X-Reprocess-Token")));
            CountDownLatch h = hang;
            if (h != null) {
                try {
                    h.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        backend.start();
        server = TestServer.start(env -> {
            env.put("BACKEND_API_URL", "http://127.0.0.1:" + backend.getAddress().getPort() + "/");
            env.put("YTV2_REPROCESS_TIMEOUT_SECONDS", "1");
        });
        server.ingest(server.object().put("video_id", "yt:reproc00001").put("title", "Again please"));
    }

    @AfterAll
    static void stop() {
        server.close();
        backend.stop(0);
    }

    @BeforeEach
    void reset() {
        status = 200;
        answer = "{\"success\": true, \"job_id\": \"j-1\"}";
        hang = null;
        received.clear();
        tokens.clear();
    }

    private static HttpResponse<String> reprocess(String body) {
        return server.post("/api/reprocess", body, "X-Reprocess-Token", TestServer.ADMIN);
    }

    @Test
    void aRequestIsForwardedAsItIsAndTheBackendsAnswerReturned() throws Exception {
        HttpResponse<String> r = reprocess("{\"video_id\": \"reproc00001\", \"regenerate_audio\": true, \"summary_types\": [\"comprehensive\", \"key-points\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode out = server.mapper.readTree(r.body());
        assertThat(out.path("ok").asBoolean()).isTrue();
        assertThat(out.path("job_id").asText()).isEqualTo("j-1");
        JsonNode sent = server.mapper.readTree(received.get(0));
        assertThat(sent.path("video_id").asText()).as("the stored id").isEqualTo("yt:reproc00001");
        assertThat(sent.path("regenerate_audio").asBoolean()).isTrue();
        assertThat(sent.path("summary_types").toString()).isEqualTo("[\"comprehensive\",\"key-points\"]");
        assertThat(tokens).containsExactly(TestServer.ADMIN);
        assertThat(server.post("/api/reprocess", "{\"video_id\": \"yt:reproc00001\"}",
                "Authorization", "Bearer " + TestServer.ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void theBackendsOwnRefusalIsPassedOnAndItsFailureIsA502() {
        status = 409;
        answer = "{\"error\": \"already_processing\", \"message\": \"This video is being processed.\"}";
        HttpResponse<String> refused = reprocess("{\"video_id\": \"yt:reproc00001\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("already_processing").contains("This video is being processed.");
        status = 500;
        answer = "Traceback (most recent call last): ...";
        HttpResponse<String> failed = reprocess("{\"video_id\": \"yt:reproc00001\"}");
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body()).contains("backend_error").doesNotContain("Traceback");
    }

    @Test
    void aBackendThatHangsIsGivenUpOnAfterTheTimeout() {
        hang = new CountDownLatch(1);
        long started = System.nanoTime();
        HttpResponse<String> r = reprocess("{\"video_id\": \"yt:reproc00001\"}");
        hang.countDown();
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.body()).contains("backend_timeout");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void aClosedPortIsA502AndNoBackendIsA503() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        int port = closed;
        try (TestServer unreachable = TestServer.start(env -> env.put("BACKEND_API_URL", "http://127.0.0.1:" + port))) {
            unreachable.ingest(unreachable.object().put("video_id", "yt:reproc00002"));
            HttpResponse<String> r = unreachable.post("/api/reprocess", "{\"video_id\": \"yt:reproc00002\"}", "X-Reprocess-Token", TestServer.ADMIN);
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(r.body()).contains("backend_unreachable");
        }
        try (TestServer none = TestServer.start(env -> { })) {
            none.ingest(none.object().put("video_id", "yt:reproc00003"));
            HttpResponse<String> r = none.post("/api/reprocess", "{\"video_id\": \"yt:reproc00003\"}", "X-Reprocess-Token", TestServer.ADMIN);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("backend_not_configured");
        }
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsForwarded() {
        assertThat(server.post("/api/reprocess", "{\"video_id\": \"yt:reproc00001\"}").statusCode()).isEqualTo(401);
        assertThat(server.post("/api/reprocess", "{\"video_id\": \"yt:reproc00001\"}", "X-Reprocess-Token", "wrong").statusCode()).isEqualTo(401);
        assertThat(reprocess("{}").statusCode()).isEqualTo(400);
        assertThat(reprocess("not json").statusCode()).isEqualTo(400);
        assertThat(reprocess("{\"video_id\": \"yt:reproc00001\", \"regenerate_audio\": \"yes\"}").statusCode()).isEqualTo(400);
        assertThat(reprocess("{\"video_id\": \"yt:reproc00001\", \"summary_types\": [\"<script>\"]}").statusCode()).isEqualTo(400);
        assertThat(reprocess("{\"video_id\": \"yt:reproc00001\", \"summary_types\": \"comprehensive\"}").statusCode()).isEqualTo(400);
        assertThat(reprocess("{\"video_id\": \"yt:nobody000001\"}").statusCode()).isEqualTo(404);
        assertThat(received).isEmpty();
    }
}
