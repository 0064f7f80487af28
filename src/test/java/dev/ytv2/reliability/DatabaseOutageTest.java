package dev.ytv2.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.SseTestClient;
import dev.ytv2.support.StoppablePostgres;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL (external DATABASE_URL mode, a server of this test's own) stopped cleanly and then
 * crashed under a running product: requests meanwhile get a quick, clear 503 `database_unavailable`;
 * the product recovers by itself when the database is back; the event stream carries on; and no
 * write acknowledged before the outage is lost.
 */
@DbTest
class DatabaseOutageTest {

    @Test
    void theServerAnswers503DuringAnOutageRecoversByItselfAndLosesNoAcknowledgedWrite() {
        try (StoppablePostgres pg = StoppablePostgres.started()) {
            String url = pg.newDatabase("outage");
            try (TestServer server = TestServer.start(url, env -> { });
                 SseTestClient stream = SseTestClient.open(server.base, "/api/report-events")) {
                List<String> acknowledged = new ArrayList<>();
                outage(server, stream, acknowledged, "stop", pg::stop, pg);
                outage(server, stream, acknowledged, "crash", pg::crash, pg);
                for (String id : acknowledged) {
                    assertThat(server.get("/api/reports/" + id).statusCode()).as(id).isEqualTo(200);
                }
                assertThat(server.getJson("/api/reports?size=100").path("pagination").path("total").asInt())
                        .isEqualTo(acknowledged.size());
            }
        }
    }

    private static void outage(TestServer server, SseTestClient stream, List<String> acknowledged, String kind,
                               Runnable fault, StoppablePostgres pg) {
        for (int i = 0; i < 5; i++) acknowledged.add(ingest(server, "yt:" + kind + "ack00" + i));
        fault.run();

        long t0 = System.nanoTime();
        // In parallel, as real traffic would arrive: each waits at most the pool's connection timeout.
        List<Supplier<HttpResponse<String>>> calls = List.of(
                () -> server.get("/api/reports?q=" + kind),
                () -> server.get("/api/reports/" + acknowledged.get(0)),
                () -> server.get("/api/filters?source=" + kind),
                () -> server.post("/ingest/report", "{\"video_id\":\"yt:" + kind + "lost01\"}", "X-INGEST-TOKEN", TestServer.INGEST),
                () -> server.adminPost("/api/set-image-display-mode", "{\"video_id\":\"" + acknowledged.get(0) + "\",\"mode\":\"og\"}"),
                () -> server.get("/health/db"));
        calls.parallelStream().forEach(call -> unavailable(server, call));
        assertThat(server.get("/health").statusCode()).as("the process itself is fine").isEqualTo(200);
        long outageAnswersMs = (System.nanoTime() - t0) / 1_000_000;

        pg.start();
        long up = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> server.get("/api/reports").statusCode() == 200);
        long recoveredMs = (System.nanoTime() - up) / 1_000_000;

        String after = ingest(server, "yt:" + kind + "after0");
        acknowledged.add(after);
        stream.awaitEvent(e -> e.type().equals("report-added") && e.data().contains(after), Duration.ofSeconds(30));
        long streamMs = (System.nanoTime() - up) / 1_000_000;
        assertThat(stream.ended).as("the stream stayed open through the outage").isFalse();
        System.out.printf("outage figures (%s): six refusals answered in %d ms; API back %d ms after PostgreSQL; "
                + "first event after it streamed %d ms after PostgreSQL%n", kind, outageAnswersMs, recoveredMs, streamMs);
    }

    private static void unavailable(TestServer server, Supplier<HttpResponse<String>> call) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = call.get();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        JsonNode body = server.json(r);
        assertThat(body.path("error").asText()).isEqualTo("database_unavailable");
        assertThat(body.path("message").asText()).isNotBlank().doesNotContain("Exception");
        assertThat(ms).as("answered without hanging").isLessThan(10_000);
    }

    private static String ingest(TestServer server, String id) {
        server.ingest(server.object().put("video_id", id).put("title", "Acknowledged " + id));
        return id;
    }
}
