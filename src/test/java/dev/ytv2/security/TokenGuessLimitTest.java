package dev.ytv2.security;

import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way of presenting a token (Bearer, X-INGEST-TOKEN, the read token) counts wrong guesses per
 * client address: after 10 in a minute that client is refused even with the right token, while
 * other clients behind the same trusted proxy carry on.
 */
@DbTest
class TokenGuessLimitTest {
    static final String READ = "the-read-token";
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(env -> {
            env.put("YTV2_READ_TOKEN", READ);
            env.put("YTV2_TRUSTED_PROXIES", "127.0.0.1, ::1");
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void guessesAreLimited(String client, BiFunction<String, String, HttpResponse<String>> call, String right, int allowed) {
        for (int i = 0; i < 10; i++) {
            assertThat(call.apply(client, "guess-" + i).statusCode()).as(client + " guess " + i).isEqualTo(401);
        }
        HttpResponse<String> blocked = call.apply(client, right);
        assertThat(blocked.statusCode()).as(client + " with the right token, after ten guesses").isEqualTo(429);
        assertThat(server.json(blocked).path("error").asText()).isEqualTo("too_many_attempts");
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        assertThat(call.apply(client.replace(".1", ".2"), right).statusCode()).as("another client behind the proxy").isEqualTo(allowed);
    }

    @Test
    void bearerGuessesAtTheAdminTokenAreLimited() {
        guessesAreLimited("10.0.1.1", (client, token) -> server.post("/api/set-image-display-mode",
                "{\"video_id\":\"yt:nothing0001\",\"mode\":\"og\"}", "Authorization", "Bearer " + token, "X-Forwarded-For", client),
                TestServer.ADMIN, 404);
    }

    @Test
    void ingestTokenGuessesAreLimited() {
        guessesAreLimited("10.0.2.1", (client, token) -> server.post("/ingest/report", "{\"video_id\":\"yt:limit000001\"}",
                "X-INGEST-TOKEN", token, "X-Forwarded-For", "203.0.113.9, " + client), TestServer.INGEST, 201);
    }

    @Test
    void readTokenGuessesAreLimited() {
        guessesAreLimited("10.0.3.1", (client, token) -> server.get("/api/reports", "Authorization", "Bearer " + token,
                "X-Forwarded-For", client), READ, 200);
    }

    @Test
    void uploadTokenGuessesAndSignInsShareTheAllowance() {
        for (int i = 0; i < 5; i++) {
            server.post("/api/session", "{\"token\":\"guess-" + i + "\"}", "X-Forwarded-For", "10.0.4.1");
            server.post("/api/upload-image", "{}", "X-INGEST-TOKEN", "guess-" + i, "X-Forwarded-For", "10.0.4.1");
        }
        assertThat(server.post("/api/upload-image", "{}", "X-INGEST-TOKEN", TestServer.INGEST, "X-Forwarded-For", "10.0.4.1")
                .statusCode()).isEqualTo(429);
        assertThat(server.post("/api/session", "{\"token\":\"" + TestServer.ADMIN + "\"}", "X-Forwarded-For", "10.0.4.1")
                .statusCode()).isEqualTo(429);
    }
}
