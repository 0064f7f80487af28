package dev.ytv2.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.SseTestClient;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DbTest
class EventStreamTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String ingest(String id) {
        server.ingest(server.object().put("video_id", id).put("title", "Report " + id));
        return id;
    }

    private static long raise(Event event) {
        return server.running.services().events().append(event);
    }

    private static final Event UPDATED = new Event.ReportUpdated("yt:raised", null, null);

    private static JsonNode json(String data) {
        try {
            return server.mapper.readTree(data);
        } catch (Exception e) {
            throw new AssertionError(data, e);
        }
    }

    @Test
    void aConnectedClientReceivesEachCommittedEventWithAnIncreasingId() {
        try (SseTestClient client = SseTestClient.open(server.base, "/api/report-events")) {
            assertThat(client.status).isEqualTo(200);
            ingest("yt:live0000001");
            server.adminPost("/api/set-image-prompt", "{\"video_id\":\"yt:live0000001\",\"mode\":\"ai2\",\"prompt\":\"a fox\"}");
            SseTestClient.Event added = client.awaitEvent(e -> e.type().equals("report-added"), Duration.ofSeconds(5));
            SseTestClient.Event prompt = client.awaitEvent(e -> e.type().equals("image-prompt-set"), Duration.ofSeconds(5));
            assertThat(json(added.data()).get("video_id").asText()).isEqualTo("yt:live0000001");
            assertThat(json(prompt.data()).get("mode").asText()).isEqualTo("ai2");
            assertThat(prompt.id()).isGreaterThan(added.id());
            assertThat(prompt.data()).doesNotContain("a fox");
        }
    }

    @Test
    void aClientReconnectingWithLastEventIdGetsExactlyWhatItMissed() {
        long seen;
        try (SseTestClient first = SseTestClient.open(server.base, "/api/report-events")) {
            long id = raise(UPDATED);
            seen = first.awaitEvent(e -> e.id() == id, Duration.ofSeconds(5)).id();
        }
        List<Long> missed = List.of(raise(UPDATED), raise(new Event.VariantAdded("yt:raised", "ai1", 1, server.object())), raise(new Event.ReportDeleted("yt:raised")));
        try (SseTestClient again = SseTestClient.open(server.base, "/api/report-events", "Last-Event-ID", Long.toString(seen));
             SseTestClient byQuery = SseTestClient.open(server.base, "/api/report-events?last_event_id=" + seen)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> again.events.size() >= 3 && byQuery.events.size() >= 3);
            long live = raise(new Event.ReportAdded("yt:raised", null));
            again.awaitEvent(e -> e.id() == live, Duration.ofSeconds(5));
            assertThat(again.events.stream().map(SseTestClient.Event::id).toList()).containsExactly(missed.get(0), missed.get(1), missed.get(2), live);
            assertThat(again.events.get(1).type()).isEqualTo("image-variant-added");
            assertThat(byQuery.events.subList(0, 3).stream().map(SseTestClient.Event::id).toList()).isEqualTo(missed);
        }
    }

    @Test
    void aClientFurtherBehindThanTheLogKeepsIsToldToResync() {
        long old = raise(UPDATED);
        for (int i = 0; i < 5; i++) raise(UPDATED);
        server.running.services().events().prune(2);
        try (SseTestClient c = SseTestClient.open(server.base, "/api/report-events", "Last-Event-ID", Long.toString(old))) {
            SseTestClient.Event resync = c.awaitEvent(e -> e.type().equals("resync"), Duration.ofSeconds(5));
            assertThat(resync.id()).isEqualTo(server.running.services().events().latestId());
            assertThat(c.ofType("report-updated")).isEmpty();
        }
        try (SseTestClient ahead = SseTestClient.open(server.base, "/api/report-events", "Last-Event-ID", "999999999")) {
            ahead.awaitEvent(e -> e.type().equals("resync"), Duration.ofSeconds(5));
        }
    }

    @Test
    void anEventRaisedThroughOneServerReachesClientsOfAnother() {
        try (TestServer other = TestServer.start(server.databaseUrl, env -> { });
             SseTestClient onOther = SseTestClient.open(other.base, "/api/report-events")) {
            ingest("yt:cross000001");
            server.adminPost("/api/set-image-display-mode", "{\"video_id\":\"yt:cross000001\",\"mode\":\"og\"}");
            SseTestClient.Event e = onOther.awaitEvent(x -> x.type().equals("image-display-mode-set"), Duration.ofSeconds(5));
            assertThat(json(e.data()).get("video_id").asText()).isEqualTo("yt:cross000001");
            assertThat(json(e.data()).get("mode").asText()).isEqualTo("og");
        }
    }

    @Test
    void theFeedReconnectsAfterItsDatabaseConnectionIsKilledAndLosesNothing() {
        try (SseTestClient c = SseTestClient.open(server.base, "/api/report-events")) {
            server.running.database().jdbi().useHandle(h -> h.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()",
                    EventFeed.APPLICATION_NAME));
            long during = raise(UPDATED);
            c.awaitEvent(e -> e.id() == during, Duration.ofSeconds(10));
            long after = raise(UPDATED);
            c.awaitEvent(e -> e.id() == after, Duration.ofSeconds(10));
        }
    }

    @Test
    void aReaderThatStopsReadingIsDroppedWithoutDelayingOthers() throws Exception {
        String big = "x".repeat(16_000);
        // A server of its own, so that its stream count is exactly these two readers.
        try (TestServer own = TestServer.start();
             SseTestClient slow = SseTestClient.openThenStopReading(own.base, "/api/report-events", 4096);
             SseTestClient fast = SseTestClient.open(own.base, "/api/report-events")) {
            assertThat(own.hub().clientCount()).isEqualTo(2);
            long last = 0;
            for (int i = 0; i < 1500; i++) {
                last = own.running.services().events().append(new Event.ReportUpdated("yt:bulk", big, null));
            }
            long lastId = last;
            fast.awaitEvent(e -> e.id() == lastId, Duration.ofSeconds(30));
            assertThat(fast.ended).as("the reading client was not dropped").isFalse();
            assertThat(fast.events.stream().filter(e -> e.type().equals("report-updated")).count()).isEqualTo(1500);
            // Watched from the server: reading the slow socket here would make it a reader again.
            await().atMost(Duration.ofSeconds(30)).until(() -> own.hub().clientCount() == 1);
            assertThat(readsToEnd(slow.socket(), Duration.ofSeconds(20))).as("the slow reader's connection was closed").isTrue();
        }
    }

    @Test
    void aBurstLargerThanAClientsQueueReachesAReadingClientWholeAndInOrder() {
        String filler = "y".repeat(4_000);
        try (SseTestClient reader = SseTestClient.open(server.base, "/api/report-events")) {
            // Committed together, the events wake the feed once and reach the hub back to back,
            // as they do when the feed catches up after a pause.
            List<Long> ids = server.running.database().jdbi().inTransaction(h -> {
                List<Long> out = new ArrayList<>();
                for (int i = 0; i < 2_000; i++) {
                    out.add(server.running.services().events().append(h, new Event.ReportUpdated("yt:burst", filler, null)));
                }
                return out;
            });
            long lastId = ids.get(ids.size() - 1);
            reader.awaitEvent(e -> e.id() == lastId, Duration.ofSeconds(30));
            assertThat(reader.ended).as("the reading client was not dropped").isFalse();
            assertThat(reader.ofType("report-updated").stream().map(SseTestClient.Event::id).toList()).isEqualTo(ids);
        }
    }

    private static boolean readsToEnd(Socket s, Duration within) throws Exception {
        s.setSoTimeout((int) within.toMillis());
        InputStream in = s.getInputStream();
        byte[] buf = new byte[65536];
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (in.read(buf) < 0) return true;
        }
        return false;
    }

    @Test
    void aRequestThatDoesNotAcceptAnEventStreamIsRefused() {
        assertThat(server.get("/api/report-events").statusCode()).isEqualTo(406);
        assertThat(server.get("/api/report-events", "Accept", "text/event-stream", "Last-Event-ID", "abc").statusCode()).isEqualTo(400);
    }

    @Test
    void withAReadTokenTheStreamIsPrivate() {
        try (TestServer priv = TestServer.start(env -> env.put("YTV2_READ_TOKEN", "reader"))) {
            try (SseTestClient anonymous = SseTestClient.connect(priv.base, "/api/report-events", 0)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> anonymous.status != 0);
                assertThat(anonymous.status).isEqualTo(401);
            }
            try (SseTestClient reader = SseTestClient.open(priv.base, "/api/report-events", "Authorization", "Bearer reader")) {
                assertThat(reader.status).isEqualTo(200);
            }
        }
    }
}
