package dev.ytv2.events;

import dev.ytv2.db.Database;
import dev.ytv2.support.DbTest;
import dev.ytv2.support.SseTestClient;
import dev.ytv2.support.TestDatabase;
import dev.ytv2.http.Json;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The hub's timers, with short periods so they can be watched (the server uses 15 s and 10 min). */
@DbTest
class EventHubTest {
    @Test
    void idleStreamsGetHeartbeatCommentsAndTheLogIsPrunedToItsBound() throws Exception {
        try (Database db = Database.open(Optional.of(TestDatabase.newDatabase()), Files.createTempDirectory("ytv2-hub-"), 4)) {
            EventLog log = new EventLog(db.jdbi(), Json.mapper());
            for (int i = 0; i < 30; i++) log.append(new Event.ReportUpdated("yt:p" + i, null, null));
            EventHub hub = new EventHub(log, new EventHub.Settings(16, 100, Duration.ofMillis(200), Duration.ofMillis(300), 10, Duration.ofSeconds(10)));
            EventRoutes routes = new EventRoutes(hub);
            Javalin app = Javalin.create(c -> c.routes.get("/events", routes::stream)).start(0);
            try (SseTestClient client = SseTestClient.open("http://localhost:" + app.port(), "/events")) {
                await().atMost(Duration.ofSeconds(5)).until(() -> client.comments.stream().filter("heartbeat"::equals).count() >= 2);
                await().atMost(Duration.ofSeconds(5)).until(() -> log.latestId() - log.oldestId() < 10);
                assertThat(hub.clientCount()).isEqualTo(1);
            } finally {
                hub.close();
                app.stop();
            }
        }
    }

    @Test
    void aReaderThatPausesShorterThanTheStallLimitCatchesUpAndOneThatStopsIsClosed() throws Exception {
        try (Database db = Database.open(Optional.of(TestDatabase.newDatabase()), Files.createTempDirectory("ytv2-hub-"), 4)) {
            EventLog log = new EventLog(db.jdbi(), Json.mapper());
            EventHub hub = new EventHub(log, new EventHub.Settings(16, 100, Duration.ofSeconds(30), Duration.ofMinutes(10), 10_000,
                    Duration.ofSeconds(3)));
            EventFeed feed = new EventFeed(db.url(), log, hub).start();
            EventRoutes routes = new EventRoutes(hub);
            Javalin app = Javalin.create(c -> c.routes.get("/events", routes::stream)).start(0);
            String base = "http://localhost:" + app.port();
            try (SseTestClient pausing = SseTestClient.openThenStopReading(base, "/events", 4096);
                 SseTestClient stopped = SseTestClient.openThenStopReading(base, "/events", 4096)) {
                String filler = "z".repeat(16_000);
                // One commit: 400 events of 16 KB reach the hub at once, against a 16-event queue and a
                // 4 KB window, so both clients fall behind their queues and block in a write.
                long lastId = db.jdbi().inTransaction(h -> {
                    long id = 0;
                    for (int i = 0; i < 400; i++) id = log.append(h, new Event.ReportUpdated("yt:p" + i, filler, null));
                    return id;
                });
                pausing.startReading();
                pausing.awaitEvent(e -> e.id() == lastId, Duration.ofSeconds(30));
                assertThat(pausing.ofType("report-updated")).hasSize(400);
                await().atMost(Duration.ofSeconds(20)).until(() -> hub.clientCount() == 1);
                assertThat(pausing.ended).as("the reader that resumed is still connected").isFalse();
            } finally {
                feed.close();
                hub.close();
                app.stop();
            }
        }
    }
}
