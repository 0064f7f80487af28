package dev.ytv2.security;

import dev.ytv2.support.DbTest;
import dev.ytv2.support.TestDatabase;
import dev.ytv2.support.TestServer;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions live in PostgreSQL: signing out, expiry and a changed admin token end them for every
 * server process at once, and the cookie carries nothing from which a token could be checked offline.
 */
@DbTest
class SessionRevocationTest {
    private static final String WRITE = "/api/set-image-display-mode";
    private static final String WRITE_BODY = "{\"video_id\":\"yt:nothing0001\",\"mode\":\"og\"}";

    static String signIn(TestServer server, String token) {
        HttpResponse<String> r = server.post("/api/session", "{\"token\":\"" + token + "\"}");
        assertThat(r.statusCode()).isEqualTo(204);
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    static int write(TestServer server, String cookie) {
        return server.post(WRITE, WRITE_BODY, "Cookie", cookie, "X-YTV2-CSRF", "1").statusCode();
    }

    @Test
    void signingOutOnOneServerEndsTheSessionOnEveryServerOfTheLibrary() {
        String db = TestDatabase.newDatabase();
        try (TestServer a = TestServer.start(db, env -> { }); TestServer b = TestServer.start(db, env -> { })) {
            String cookie = signIn(a, TestServer.ADMIN);
            assertThat(write(a, cookie)).isEqualTo(404);
            assertThat(write(b, cookie)).isEqualTo(404);
            assertThat(a.delete("/api/session", "Cookie", cookie).statusCode()).isEqualTo(204);
            assertThat(write(a, cookie)).isEqualTo(401);
            assertThat(write(b, cookie)).isEqualTo(401);
            assertThat(a.json(a.get("/api/session", "Cookie", cookie)).path("signed_in").asBoolean()).isFalse();
        }
    }

    @Test
    void aSessionEndsWhenItExpiresOrWhenTheAdminTokenChanges() {
        String db = TestDatabase.newDatabase();
        String kept;
        try (TestServer a = TestServer.start(db, env -> { })) {
            String expiring = signIn(a, TestServer.ADMIN);
            kept = signIn(a, TestServer.ADMIN);
            a.running.database().jdbi().useHandle(h -> h.execute(
                    "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id_hash = ?", idHash(expiring)));
            assertThat(write(a, expiring)).isEqualTo(401);
            assertThat(write(a, kept)).isEqualTo(404);
        }
        try (TestServer changed = TestServer.start(db, env -> env.put("DEBUG_TOKEN", "a-new-admin-token"))) {
            assertThat(write(changed, kept)).isEqualTo(401);
        }
        try (TestServer back = TestServer.start(db, env -> { })) {
            // The row of a session the changed token refused is gone: going back does not revive it.
            assertThat(write(back, kept)).isEqualTo(401);
        }
    }

    @Test
    void theCookieIsSignedWithARandomSecretInTheDatabaseAndNotWithAnythingDerivedFromAToken() throws Exception {
        try (TestServer server = TestServer.start(env -> env.put("YTV2_READ_TOKEN", "reader-token"))) {
            String cookie = signIn(server, "reader-token").split("=", 2)[1];
            int dot = cookie.lastIndexOf('.');
            String body = cookie.substring(0, dot);
            String signature = cookie.substring(dot + 1);
            for (String token : new String[] {TestServer.ADMIN, "reader-token"}) {
                byte[] derived = MessageDigest.getInstance("SHA-256").digest(("ytv2-session-key|" + token).getBytes(StandardCharsets.UTF_8));
                assertThat(signature).as("a key derived from a token").isNotEqualTo(hmac(derived, body));
            }
            assertThat(body).doesNotContain("READER").doesNotContain("ADMIN");
            byte[] secret = server.running.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT secret FROM server_secrets WHERE name = 'session-cookie'").mapTo(byte[].class).one());
            assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
            assertThat(signature).isEqualTo(hmac(secret, body));
        }
    }

    private static String hmac(byte[] key, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] idHash(String cookie) {
        String value = cookie.split("=", 2)[1];
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.substring(0, value.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
