package dev.ytv2.reliability;

import dev.ytv2.support.DbTest;
import dev.ytv2.support.ReconnectingSseClient;
import dev.ytv2.support.ServerProcess;
import dev.ytv2.support.TestDatabase;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server restart loses no event for a reconnecting client (docs/RELIABILITY.md). The server is a real
 * `ytv2 serve` process; it is stopped (SIGTERM) and later killed (SIGKILL) while event-stream
 * clients are connected, and events are raised meanwhile through a second server sharing the
 * database. Each client must end up with every event, in order, exactly once.
 */
@DbTest
class ServerRestartTest {
    static final int CLIENTS = 5;

    @Test
    void clientsThatReconnectAfterRestartsReceiveEveryEventInOrderOnce() throws Exception {
        String db = TestDatabase.newDatabase();
        int port = ServerProcess.freePort();
        Path data = Files.createTempDirectory("ytv2-restart-");
        List<ReconnectingSseClient> clients = new ArrayList<>();
        try (TestServer other = TestServer.start(db, env -> { })) {
            ServerProcess serve = ServerProcess.start(db, port, data, Map.of());
            try {
                long before = other.running.services().events().latestId();
                for (int i = 0; i < CLIENTS; i++) clients.add(ReconnectingSseClient.open(serve.base));
                await().atMost(Duration.ofSeconds(20)).until(() -> clients.stream().allMatch(ReconnectingSseClient::connected));

                ingest(serve.base, "yt:restart0001");
                ingest(serve.base, "yt:restart0002");

                serve.stop();
                raiseWhileDown(other, "a", 6);
                long t0 = System.nanoTime();
                serve = ServerProcess.start(db, port, data, Map.of());
                long restartedMs = (System.nanoTime() - t0) / 1_000_000;
                ingest(serve.base, "yt:restart0003");
                awaitEveryClientHasAll(other, before, clients);
                long caughtUpMs = (System.nanoTime() - t0) / 1_000_000;

                serve.kill();
                raiseWhileDown(other, "b", 6);
                serve = ServerProcess.start(db, port, data, Map.of());
                ingest(serve.base, "yt:restart0004");
                awaitEveryClientHasAll(other, before, clients);

                List<Long> expected = idsAfter(other, before);
                for (ReconnectingSseClient c : clients) {
                    assertThat(c.ids()).as("events in order, each once").containsExactlyElementsOf(expected);
                    assertThat(c.events).noneMatch(e -> e.type().equals("resync"));
                    assertThat(c.connections.get()).as("connections per client").isGreaterThanOrEqualTo(3);
                }
                System.out.printf("restart figures: %d events, %d clients, restart to healthy %d ms, to every client caught up %d ms%n",
                        expected.size(), CLIENTS, restartedMs, caughtUpMs);
            } finally {
                clients.forEach(ReconnectingSseClient::close);
                serve.close();
            }
        }
    }

    /** Reports and image writes through the other server, as another process would make them. */
    private static void raiseWhileDown(TestServer other, String tag, int count) {
        for (int i = 0; i < count; i++) {
            String id = "yt:down" + tag + "000" + i;
            other.ingest(other.object().put("video_id", id).put("title", "Raised while down " + i));
            other.adminPost("/api/set-image-display-mode", "{\"video_id\":\"" + id + "\",\"mode\":\"og\"}");
        }
    }

    private static List<Long> idsAfter(TestServer other, long before) {
        return other.running.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM event_log WHERE id > :b ORDER BY id")
                .bind("b", before).mapTo(Long.class).list());
    }

    private static void awaitEveryClientHasAll(TestServer other, long before, List<ReconnectingSseClient> clients) {
        List<Long> expected = idsAfter(other, before);
        await().atMost(Duration.ofSeconds(30)).until(() -> clients.stream().allMatch(c -> c.events.size() >= expected.size()));
    }

    private static void ingest(String base, String id) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/ingest/report"))
                .header("X-INGEST-TOKEN", TestServer.INGEST).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"video_id\":\"" + id + "\",\"title\":\"Through the process\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
    }
}
