package dev.ytv2.http;

import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request came from, for per-client limits. `X-Forwarded-For` is believed only when
 * the connection comes from a configured trusted proxy (YTV2_TRUSTED_PROXIES), and then only up to
 * the first hop that is not itself trusted: a client can prepend whatever it likes, but not past
 * the proxy that appended its real address.
 */
public final class ClientAddress {
    private final Set<InetAddress> trusted;

    public ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> literal(s).orElseThrow(() -> new IllegalArgumentException(
                        "YTV2_TRUSTED_PROXIES must list IP addresses, got '" + s + "'")))
                .collect(Collectors.toUnmodifiableSet());
    }

    public String of(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (trusted.isEmpty() || !isTrusted(peer)) return peer;
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) return peer;
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!isTrusted(hop)) return literal(hop).map(InetAddress::getHostAddress).orElse(peer);
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        return literal(address).map(trusted::contains).orElse(false);
    }

    /** An IP literal, never a name to look up. */
    private static Optional<InetAddress> literal(String s) {
        String bare = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        if (bare.isEmpty() || bare.length() > 45 || !bare.matches("[0-9A-Fa-f:.]+") || !(bare.contains(".") || bare.contains(":"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
