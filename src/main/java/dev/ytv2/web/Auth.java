package dev.ytv2.web;

import dev.ytv2.http.ApiError;
import dev.ytv2.http.ClientAddress;
import io.javalin.http.Context;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Who may do what. Tokens are compared in constant time. The browser holds only an HttpOnly,
 * SameSite=Strict session cookie: a random id, signed with a random secret the servers share
 * through the database; the session itself is a row in PostgreSQL ({@link SessionStore}), so
 * signing out, expiry and a changed token end it for every server at once. Writes made with the
 * cookie must also carry the `X-YTV2-CSRF` header, which a cross-site form cannot send.
 */
public final class Auth {
    public static final String COOKIE = "ytv2_session";
    public static final String CSRF_HEADER = "X-YTV2-CSRF";
    private static final String RESOLVED = "ytv2.session";
    public enum Role { ADMIN, READER }

    private final Optional<String> adminToken;
    private final Optional<String> ingestToken;
    private final Optional<String> readToken;
    private final Optional<String> syncSecret;
    private final SessionStore sessions;
    private final byte[] cookieSecret;
    private final TokenGuessLimiter guesses;
    private final ClientAddress clients;
    private final SecureRandom random = new SecureRandom();
    private final Duration sessionLength = Duration.ofDays(30);

    /** `syncSecret`: SYNC_SECRET, which a YTV2 NAS worker sends as a Bearer token when it uploads files. */
    public Auth(Optional<String> adminToken, Optional<String> ingestToken, Optional<String> readToken, Optional<String> syncSecret,
                SessionStore sessions, byte[] cookieSecret, TokenGuessLimiter guesses, ClientAddress clients) {
        this.syncSecret = syncSecret;
        this.adminToken = adminToken;
        this.ingestToken = ingestToken;
        this.readToken = readToken;
        this.sessions = sessions;
        this.cookieSecret = cookieSecret.clone();
        this.guesses = guesses;
        this.clients = clients;
    }

    public boolean readsArePrivate() {
        return readToken.isPresent();
    }

    /**
     * Whether answers to this request depend on who asks (credentials sent, or reads private), so
     * that no shared or browser cache may keep them.
     */
    public boolean answersArePrivate(Context ctx) {
        if (!ctx.path().startsWith("/api/") && !ctx.path().startsWith("/ingest/")) return false;
        return readToken.isPresent() || ctx.header("Authorization") != null || ctx.header("X-INGEST-TOKEN") != null
                || ctx.cookie(COOKIE) != null;
    }

    /** Whether this request is the admin's (token or session); a wrong token counts as a guess. */
    public boolean isAdmin(Context ctx) {
        Optional<String> bearer = bearer(ctx);
        if (bearer.isPresent()) return presented(ctx, bearer.get(), adminToken);
        return session(ctx).map(r -> r == Role.ADMIN).orElse(false);
    }

    public void requireAdmin(Context ctx) {
        if (adminToken.isEmpty()) {
            throw ApiError.forbidden("writes_disabled", "Writes are disabled: no admin token (DEBUG_TOKEN) is configured on the server.");
        }
        Optional<String> bearer = bearer(ctx);
        if (bearer.isPresent()) {
            if (presented(ctx, bearer.get(), adminToken)) return;
            throw ApiError.unauthorized("The admin token is not valid.");
        }
        Optional<Role> session = session(ctx);
        if (session.isPresent()) {
            if (session.get() != Role.ADMIN) throw ApiError.forbidden("forbidden", "This session may only read.");
            if (!"1".equals(ctx.header(CSRF_HEADER))) {
                throw ApiError.forbidden("csrf", "Writes with a session cookie need the " + CSRF_HEADER + " header.");
            }
            return;
        }
        throw ApiError.unauthorized("This call needs the admin token (Authorization: Bearer ...).");
    }

    public void requireIngest(Context ctx) {
        if (ingestToken.isEmpty() && adminToken.isEmpty()) {
            throw ApiError.forbidden("ingest_disabled", "Ingest is disabled: no INGEST_TOKEN is configured on the server.");
        }
        Optional<String> given = Optional.ofNullable(ctx.header("X-INGEST-TOKEN")).or(() -> bearer(ctx));
        if (given.isPresent() && presented(ctx, given.get(), ingestToken, adminToken)) return;
        throw ApiError.unauthorized("This call needs the ingest token (X-INGEST-TOKEN or Authorization: Bearer ...).");
    }

    /** Admin token, or the ingest token (external workers upload images with it). */
    public void requireAdminOrIngest(Context ctx) {
        Optional<String> ingest = Optional.ofNullable(ctx.header("X-INGEST-TOKEN"));
        if (ingest.isPresent()) {
            if (presented(ctx, ingest.get(), ingestToken, adminToken)) return;
            throw ApiError.unauthorized("The ingest token is not valid.");
        }
        Optional<String> bearer = bearer(ctx);
        if (bearer.isPresent() && ingestToken.isPresent() && matches(bearer.get(), ingestToken)) {
            guesses.check(clients.of(ctx));
            return;
        }
        requireAdmin(ctx);
    }

    /** Re-summarise: the admin token as YTV2's bot sends it (X-Reprocess-Token), or any admin credential. */
    public void requireReprocess(Context ctx) {
        String given = ctx.header("X-Reprocess-Token");
        if (given != null && adminToken.isPresent()) {
            if (presented(ctx, given, adminToken)) return;
            throw ApiError.unauthorized("The reprocess token is not valid.");
        }
        requireAdmin(ctx);
    }

    /** File uploads: the sync secret (Bearer), the ingest token, or the admin token. */
    public void requireUploader(Context ctx) {
        if (bearer(ctx).map(t -> matches(t, syncSecret)).orElse(false)) {
            guesses.check(clients.of(ctx));
            return;
        }
        requireAdminOrIngest(ctx);
    }

    public void requireRead(Context ctx) {
        if (readToken.isEmpty()) return;
        Optional<String> bearer = bearer(ctx);
        if (bearer.isPresent()) {
            if (presented(ctx, bearer.get(), readToken, adminToken)) return;
            throw ApiError.unauthorized("The read token is not valid.");
        }
        if (session(ctx).isPresent()) return;
        throw ApiError.unauthorized("Reads are private here: sign in, or send the read token.");
    }

    /** The role a sign-in token grants, if it is one of ours; a wrong one counts as a guess. */
    public Optional<Role> roleFor(Context ctx, String token) {
        String client = clients.of(ctx);
        guesses.check(client);
        if (matches(token, adminToken)) return Optional.of(Role.ADMIN);
        if (matches(token, readToken)) return Optional.of(Role.READER);
        guesses.failed(client);
        return Optional.empty();
    }

    /**
     * Whether a token a client presented is one of `expected`. Refused outright while the client is
     * over its allowance of wrong tokens; a wrong one counts against it.
     */
    @SafeVarargs
    private boolean presented(Context ctx, String given, Optional<String>... expected) {
        String client = clients.of(ctx);
        guesses.check(client);
        for (Optional<String> e : expected) if (matches(given, e)) return true;
        // One of our own tokens on a call it does not open is a refusal, not a guess.
        if (!(matches(given, adminToken) || matches(given, ingestToken) || matches(given, readToken))) guesses.failed(client);
        return false;
    }

    /** Opens a session for a token that {@link #roleFor} accepted; returns the cookie's value. */
    public String openSession(Role role) {
        byte[] id = new byte[32];
        random.nextBytes(id);
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.create(sha256(body.getBytes(StandardCharsets.US_ASCII)), role, tokenMac(role).orElseThrow(), sessionLength);
        return body + "." + sign(body);
    }

    public Duration sessionLength() {
        return sessionLength;
    }

    /** The role of this request's session, if its cookie names one that is open and its token unchanged. */
    public Optional<Role> session(Context ctx) {
        Optional<Role> resolved = ctx.attribute(RESOLVED);
        if (resolved == null) {
            resolved = cookieId(ctx).flatMap(this::lookUp);
            ctx.attribute(RESOLVED, resolved);
        }
        return resolved;
    }

    /** Ends this request's session everywhere. */
    public void closeSession(Context ctx) {
        cookieId(ctx).ifPresent(sessions::delete);
        ctx.attribute(RESOLVED, Optional.<Role>empty());
    }

    private Optional<Role> lookUp(byte[] idHash) {
        Optional<SessionStore.Session> found = sessions.find(idHash);
        if (found.isEmpty()) return Optional.empty();
        Role role = found.get().role();
        if (tokenMac(role).map(mac -> MessageDigest.isEqual(mac, found.get().tokenMac())).orElse(false)) return Optional.of(role);
        // Opened with a token this server no longer has: the session ended when the token changed.
        sessions.delete(idHash);
        return Optional.empty();
    }

    /** The hash of the cookie's id, when the cookie is one this library signed. */
    private Optional<byte[]> cookieId(Context ctx) {
        String value = ctx.cookie(COOKIE);
        if (value == null || value.length() > 200) return Optional.empty();
        int dot = value.lastIndexOf('.');
        if (dot < 0) return Optional.empty();
        String body = value.substring(0, dot);
        if (!MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.UTF_8), value.substring(dot + 1).getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(sha256(body.getBytes(StandardCharsets.US_ASCII)));
    }

    private Optional<byte[]> tokenMac(Role role) {
        Optional<String> token = role == Role.ADMIN ? adminToken : readToken;
        return token.map(t -> mac(role.name() + "|" + t));
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
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(body));
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cookieSecret, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
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
