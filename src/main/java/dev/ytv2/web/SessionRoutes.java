package dev.ytv2.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.http.ApiError;
import dev.ytv2.http.Fields;
import dev.ytv2.http.Json;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.util.Optional;

/** Browser sign-in: the token is posted once and exchanged for the session cookie. */
public final class SessionRoutes {
    private final Auth auth;
    private final ObjectMapper mapper;
    private final boolean secureCookies;

    public SessionRoutes(Auth auth, ObjectMapper mapper, boolean secureCookies) {
        this.auth = auth;
        this.mapper = mapper;
        this.secureCookies = secureCookies;
    }

    public void show(Context ctx) {
        Optional<Auth.Role> role = auth.session(ctx);
        ctx.json(mapper.createObjectNode()
                .put("signed_in", role.map(r -> r == Auth.Role.ADMIN).orElse(false))
                .put("role", role.map(r -> r.name().toLowerCase()).orElse(null))
                .put("read_token_required", auth.readsArePrivate()));
    }

    public void signIn(Context ctx) {
        ObjectNode body = Json.parseObject(mapper, ctx.bodyAsBytes());
        String token = Fields.requiredString(body, "token", 500);
        Optional<Auth.Role> role = auth.roleFor(ctx, token);
        if (role.isEmpty()) throw ApiError.unauthorized("That token is not valid.");
        ctx.cookie(cookie(auth.openSession(role.get()), (int) auth.sessionLength().toSeconds()));
        ctx.status(204);
    }

    public void signOut(Context ctx) {
        auth.closeSession(ctx);
        ctx.cookie(cookie("", 0));
        ctx.status(204);
    }

    private Cookie cookie(String value, int maxAge) {
        Cookie c = new Cookie(Auth.COOKIE, value);
        c.setPath("/");
        c.setMaxAge(maxAge);
        c.setHttpOnly(true);
        c.setSecure(secureCookies);
        c.setSameSite(SameSite.STRICT);
        return c;
    }
}
