package dev.ytv2.security;

import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Guessing the admin token through POST /api/session is limited to 10 failures a minute per address. */
@DbTest
class SignInBruteForceTest {

    @Test
    void afterTenWrongTokensEvenTheRightOneIsRefusedForAMinuteWhateverHeadersClaim() {
        try (TestServer server = TestServer.start()) {
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> r = server.post("/api/session", "{\"token\":\"guess-" + i + "\"}");
                assertThat(r.statusCode()).as("guess " + i).isEqualTo(401);
            }
            HttpResponse<String> blocked = server.post("/api/session", "{\"token\":\"" + TestServer.ADMIN + "\"}");
            assertThat(blocked.statusCode()).isEqualTo(429);
            assertThat(server.json(blocked).path("error").asText()).isEqualTo("too_many_attempts");
            assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
            assertThat(blocked.headers().firstValue("Set-Cookie")).isEmpty();
            // A client cannot pose as another address to get a fresh allowance.
            for (String header : new String[] {"X-Forwarded-For", "X-Real-IP", "Forwarded", "True-Client-IP"}) {
                HttpResponse<String> r = server.post("/api/session", "{\"token\":\"" + TestServer.ADMIN + "\"}",
                        header, header.equals("Forwarded") ? "for=10.9.8.7" : "10.9.8.7");
                assertThat(r.statusCode()).as(header).isEqualTo(429);
            }
            // Nor can it go on guessing through a header: every way of presenting a token shares the allowance.
            assertThat(server.adminPost("/api/set-image-display-mode", "{\"video_id\":\"yt:nothing0001\",\"mode\":\"og\"}")
                    .statusCode()).isEqualTo(429);
        }
    }
}
