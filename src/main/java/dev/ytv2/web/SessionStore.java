package dev.ytv2.web;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.Optional;

/** The `sessions` table: one row per signed-in browser, found by the hash of its cookie's id. */
public final class SessionStore {
    public record Session(Auth.Role role, byte[] tokenMac) {
    }

    private final Jdbi jdbi;

    public SessionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void create(byte[] idHash, Auth.Role role, byte[] tokenMac, Duration length) {
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM sessions WHERE expires_at < now()").execute();
            h.createUpdate("""
                            INSERT INTO sessions (id_hash, role, token_mac, expires_at)
                            VALUES (:idHash, :role, :tokenMac, now() + make_interval(secs => :seconds))""")
                    .bind("idHash", idHash).bind("role", role.name()).bind("tokenMac", tokenMac)
                    .bind("seconds", length.toSeconds()).execute();
        });
    }

    /** A session that has not expired. */
    public Optional<Session> find(byte[] idHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT role, token_mac FROM sessions WHERE id_hash = :idHash AND expires_at > now()")
                .bind("idHash", idHash)
                .map((rs, ctx) -> new Session(Auth.Role.valueOf(rs.getString(1)), rs.getBytes(2))).findOne());
    }

    public void delete(byte[] idHash) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE id_hash = :idHash").bind("idHash", idHash).execute());
    }
}
