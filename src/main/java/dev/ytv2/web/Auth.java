package dev.ytv2.web;

import io.javalin.http.Context;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who may do what (SPEC 4.1). Tokens are compared in constant time. The browser holds only a
 * signed, HttpOnly, SameSite=Strict session cookie; writes made with it must also carry the
 * `X-YTV2-CSRF` header, which a cross-site form cannot send. Cookies are signed with a key derived
 * from the admin token, so every server sharing the token accepts them and changing it revokes all.
 */
public final class Auth {
    public static final String COOKIE = "ytv2_session";
    public static final String CSRF_HEADER = "X-YTV2-CSRF";
    public enum Role { ADMIN, READER }

    private final Optional<String> adminToken;
    private final Optional<String> ingestToken;
    private final Optional<String> readToken;
    private final Optional<String> syncSecret;
    private final byte[] signingKey;
    private final Clock clock;
    private final Duration sessionLength = Duration.ofDays(30);

    public Auth(Optional<String> adminToken, Optional<String> ingestToken, Optional<String> readToken, Clock clock) {
        this(adminToken, ingestToken, readToken, Optional.empty(), clock);
    }

    /** With SYNC_SECRET: the secret a YTV2 NAS worker sends as a Bearer token when it uploads files. */
    public Auth(Optional<String> adminToken, Optional<String> ingestToken, Optional<String> readToken,
                Optional<String> syncSecret, Clock clock) {
        this.syncSecret = syncSecret;
        this.adminToken = adminToken;
        this.ingestToken = ingestToken;
        this.readToken = readToken;
        this.clock = clock;
        this.signingKey = adminToken.or(() -> readToken)
                .map(t -> sha256(("ytv2-session-key|" + t).getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> {
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    return random;
                });
    }

    public boolean readsArePrivate() {
        return readToken.isPresent();
    }

    public void requireAdmin(Context ctx) {
        if (adminToken.isEmpty()) {
            throw ApiError.forbidden("writes_disabled", "Writes are disabled: no admin token (DEBUG_TOKEN) is configured on the server.");
        }
        if (bearer(ctx).map(t -> matches(t, adminToken)).orElse(false)) return;
        Optional<Role> session = session(ctx);
        if (session.isPresent()) {
            if (session.get() != Role.ADMIN) throw ApiError.forbidden("forbidden", "This session may only read.");
            if (!"1".equals(ctx.header(CSRF_HEADER))) {
                throw ApiError.forbidden("csrf", "Writes with a session cookie need the " + CSRF_HEADER + " header.");
            }
            return;
        }
        throw ApiError.unauthorized(bearer(ctx).isPresent() ? "The admin token is not valid." : "This call needs the admin token (Authorization: Bearer ...).");
    }

    public void requireIngest(Context ctx) {
        if (ingestToken.isEmpty() && adminToken.isEmpty()) {
            throw ApiError.forbidden("ingest_disabled", "Ingest is disabled: no INGEST_TOKEN is configured on the server.");
        }
        Optional<String> given = Optional.ofNullable(ctx.header("X-INGEST-TOKEN")).or(() -> bearer(ctx));
        if (given.map(t -> matches(t, ingestToken) || matches(t, adminToken)).orElse(false)) return;
        throw ApiError.unauthorized("This call needs the ingest token (X-INGEST-TOKEN or Authorization: Bearer ...).");
    }

    /** Admin token, or the ingest token (external workers upload images with it). */
    public void requireAdminOrIngest(Context ctx) {
        Optional<String> given = Optional.ofNullable(ctx.header("X-INGEST-TOKEN")).or(() -> bearer(ctx));
        if (given.map(t -> matches(t, ingestToken)).orElse(false)) return;
        requireAdmin(ctx);
    }

    /** Re-summarise: the admin token as YTV2's bot sends it (X-Reprocess-Token), or any admin credential. */
    public void requireReprocess(Context ctx) {
        if (adminToken.isPresent() && matches(ctx.header("X-Reprocess-Token"), adminToken)) return;
        requireAdmin(ctx);
    }

    /** File uploads: the sync secret (Bearer), the ingest token, or the admin token. */
    public void requireUploader(Context ctx) {
        if (bearer(ctx).map(t -> matches(t, syncSecret)).orElse(false)) return;
        requireAdminOrIngest(ctx);
    }

    public void requireRead(Context ctx) {
        if (readToken.isEmpty()) return;
        Optional<String> bearer = bearer(ctx);
        if (bearer.map(t -> matches(t, readToken) || matches(t, adminToken)).orElse(false)) return;
        if (session(ctx).isPresent()) return;
        throw ApiError.unauthorized("Reads are private here: sign in, or send the read token.");
    }

    /** The role a sign-in token grants, if it is one of ours. */
    public Optional<Role> roleFor(String token) {
        if (matches(token, adminToken)) return Optional.of(Role.ADMIN);
        if (matches(token, readToken)) return Optional.of(Role.READER);
        return Optional.empty();
    }

    public String issueCookieValue(Role role) {
        long expires = clock.instant().plus(sessionLength).getEpochSecond();
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        String body = role.name() + "." + expires + "." + HexFormat.of().formatHex(nonce);
        return body + "." + sign(body);
    }

    public Duration sessionLength() {
        return sessionLength;
    }

    public Optional<Role> session(Context ctx) {
        String value = ctx.cookie(COOKIE);
        if (value == null || value.length() > 300) return Optional.empty();
        int dot = value.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        String body = value.substring(0, dot);
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.UTF_8), value.substring(dot + 1).getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        String[] parts = body.split("\\.");
        try {
            if (parts.length != 3 || Long.parseLong(parts[1]) < clock.instant().getEpochSecond()) return Optional.empty();
            Role role = Role.valueOf(parts[0]);
            if (role == Role.ADMIN && adminToken.isEmpty()) return Optional.empty();
            return Optional.of(role);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        return Optional.of(header.substring(7).trim());
    }

    private static boolean matches(String given, Optional<String> expected) {
        if (expected.isEmpty() || given == null) return false;
        // Compare digests so neither the length nor the content leaks through timing.
        return MessageDigest.isEqual(sha256(given.getBytes(StandardCharsets.UTF_8)),
                sha256(expected.get().getBytes(StandardCharsets.UTF_8)));
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
