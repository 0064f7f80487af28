package dev.ytv2;

import dev.ytv2.render.RenderConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting the product reads, from the environment (flags override some in {@link Main}).
 * Names are the ones SPEC section 1 fixes; ours all start with YTV2_.
 */
public record Config(
        int port,
        Path dataDir,
        Optional<String> databaseUrl,
        Optional<String> adminToken,
        Optional<String> ingestToken,
        Optional<String> readToken,
        List<String> imageBackends,
        boolean autoImages,
        long maxUploadBytes,
        Duration variantRetention,
        boolean secureCookies,
        Upstream upstream,
        RenderConfig render) {

    /**
     * Settings an existing YTV2 deployment already has: the secret its NAS worker uploads with,
     * the processing backend re-summarise requests go to, and the commit it was deployed from.
     */
    public record Upstream(Optional<String> syncSecret, Optional<String> backendApiUrl, Duration reprocessTimeout,
                           Optional<String> deployCommit, Optional<String> deployBranch) {
        static Upstream fromEnv(Map<String, String> env) {
            return new Upstream(nonBlank(env.get("SYNC_SECRET")), nonBlank(env.get("BACKEND_API_URL")),
                    Duration.ofMillis((long) (Double.parseDouble(env.getOrDefault("YTV2_REPROCESS_TIMEOUT_SECONDS", "15")) * 1000)),
                    nonBlank(env.get("DEPLOY_COMMIT")), nonBlank(env.get("DEPLOY_BRANCH")));
        }
    }

    public static Config fromEnv(Map<String, String> env) {
        return new Config(
                // WEB_PORT and DATABASE_URL_POSTGRES_NEW are the names YTV2 deployments already use.
                intValue(env, "PORT", intValue(env, "WEB_PORT", 10000)),
                Path.of(env.getOrDefault("YTV2_DATA_DIR", "./data")).toAbsolutePath().normalize(),
                nonBlank(env.get("DATABASE_URL_POSTGRES_NEW")).or(() -> nonBlank(env.get("DATABASE_URL"))),
                nonBlank(env.get("DEBUG_TOKEN")).or(() -> nonBlank(env.get("YTV2_ADMIN_TOKEN"))),
                nonBlank(env.get("INGEST_TOKEN")),
                nonBlank(env.get("YTV2_READ_TOKEN")),
                List.of(env.getOrDefault("YTV2_IMAGE_BACKENDS", "builtin").split("\\s*,\\s*")),
                Boolean.parseBoolean(env.getOrDefault("YTV2_AUTO_IMAGES", "false")),
                longValue(env, "YTV2_MAX_UPLOAD_BYTES", 10L * 1024 * 1024),
                Duration.ofDays(intValue(env, "YTV2_VARIANT_RETENTION_DAYS", 30)),
                Boolean.parseBoolean(env.getOrDefault("YTV2_SECURE_COOKIES", "false")),
                Upstream.fromEnv(env),
                RenderConfig.fromEnv(env));
    }

    public Path imagesDir() {
        return dataDir.resolve("images");
    }

    public Path audioDir() {
        return dataDir.resolve("audio");
    }

    public Path exportsDir() {
        return dataDir.resolve("exports");
    }

    public Config withPort(int newPort) {
        return new Config(newPort, dataDir, databaseUrl, adminToken, ingestToken, readToken, imageBackends,
                autoImages, maxUploadBytes, variantRetention, secureCookies, upstream, render);
    }

    public Config withAdminToken(String token) {
        return new Config(port, dataDir, databaseUrl, Optional.of(token), ingestToken, readToken, imageBackends,
                autoImages, maxUploadBytes, variantRetention, secureCookies, upstream, render);
    }

    public Config withAutoImages(boolean on) {
        return new Config(port, dataDir, databaseUrl, adminToken, ingestToken, readToken, imageBackends,
                on, maxUploadBytes, variantRetention, secureCookies, upstream, render);
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        return (int) longValue(env, name, fallback);
    }

    private static long longValue(Map<String, String> env, String name, long fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) return fallback;
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + raw + "'");
        }
    }
}
