package dev.ytv2.web;

import org.jdbi.v3.core.Jdbi;

import java.security.SecureRandom;

/** Random secrets in the `server_secrets` table: the first server to ask makes one, the rest read it. */
public final class ServerSecrets {
    private ServerSecrets() {
    }

    public static byte[] get(Jdbi jdbi, String name) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return jdbi.withHandle(h -> {
            h.createUpdate("INSERT INTO server_secrets (name, secret) VALUES (:name, :secret) ON CONFLICT (name) DO NOTHING")
                    .bind("name", name).bind("secret", fresh).execute();
            return h.createQuery("SELECT secret FROM server_secrets WHERE name = :name").bind("name", name).mapTo(byte[].class).one();
        });
    }
}
