package dev.ytv2.security;

import dev.ytv2.support.DbTest;
import dev.ytv2.support.RawHttp;
import dev.ytv2.support.SseTestClient;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Event streams are capped per client address (429) and in total (503), a closed stream frees its
 * place, and one address cannot reconnect without end to make the server replay the log for it.
 */
@DbTest
class EventStreamLimitTest {
    static TestServer server;
    static final List<SseTestClient> open = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = TestServer.start(env -> {
            env.put("YTV2_MAX_STREAMS", "5");
            env.put("YTV2_MAX_STREAMS_PER_CLIENT", "3");
            env.put("YTV2_TRUSTED_PROXIES", "127.0.0.1,::1");
        });
    }

    @AfterAll
    static void stop() {
        open.forEach(SseTestClient::close);
        server.close();
    }

    static SseTestClient stream(String client) {
        SseTestClient c = SseTestClient.open(server.base, "/api/report-events?last_event_id=0", "X-Forwarded-For", client);
        open.add(c);
        return c;
    }

    static HttpResponse<String> refused(String client) {
        return RawHttp.get(server.base, "/api/report-events", "Accept", "text/event-stream", "X-Forwarded-For", client);
    }

    @Test
    void streamsAreCappedPerClientAndInTotalAndAClosedOneFreesItsPlace() {
        List<SseTestClient> a = List.of(stream("10.5.0.1"), stream("10.5.0.1"), stream("10.5.0.1"));
        assertThat(a).allMatch(c -> c.status == 200 && !c.ended);
        HttpResponse<String> fourth = refused("10.5.0.1");
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(server.json(fourth).path("error").asText()).isEqualTo("too_many_streams");
        assertThat(fourth.headers().firstValue("Retry-After")).isPresent();

        stream("10.5.0.2");
        stream("10.5.0.2");
        HttpResponse<String> full = refused("10.5.0.3");
        assertThat(full.statusCode()).isEqualTo(503);
        assertThat(server.json(full).path("error").asText()).isEqualTo("server_busy");
        assertThat(full.headers().firstValue("Retry-After")).isPresent();

        // The server learns of a closed stream when its next write fails: at the latest at the 15 s heartbeat.
        a.get(0).close();
        await().pollInterval(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(40)).until(() -> refusedOrOpen("10.5.0.3"));
    }

    /** Opens a stream for `client` if there is room; true once it got one. */
    static boolean refusedOrOpen(String client) {
        SseTestClient c = SseTestClient.connect(server.base, "/api/report-events", 0, "X-Forwarded-For", client);
        await().atMost(Duration.ofSeconds(5)).until(() -> c.status != 0 || c.ended);
        if (c.status == 200) {
            open.add(c);
            return true;
        }
        c.close();
        return false;
    }
}
