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
        Duration uploadGrace,
        boolean secureCookies,
        List<String> trustedProxies,
        int maxStreams,
        int maxStreamsPerClient,
        RenderConfig render) {

    public static Config fromEnv(Map<String, String> env) {
        return new Config(
                intValue(env, "PORT", 10000),
                Path.of(env.getOrDefault("YTV2_DATA_DIR", "./data")).toAbsolutePath().normalize(),
                nonBlank(env.get("DATABASE_URL")),
                nonBlank(env.get("DEBUG_TOKEN")).or(() -> nonBlank(env.get("YTV2_ADMIN_TOKEN"))),
                nonBlank(env.get("INGEST_TOKEN")),
                nonBlank(env.get("YTV2_READ_TOKEN")),
                List.of(env.getOrDefault("YTV2_IMAGE_BACKENDS", "builtin").split("\\s*,\\s*")),
                Boolean.parseBoolean(env.getOrDefault("YTV2_AUTO_IMAGES", "false")),
                longValue(env, "YTV2_MAX_UPLOAD_BYTES", 10L * 1024 * 1024),
                Duration.ofDays(intValue(env, "YTV2_VARIANT_RETENTION_DAYS", 30)),
                Duration.ofHours(intValue(env, "YTV2_UPLOAD_GRACE_HOURS", 24)),
                Boolean.parseBoolean(env.getOrDefault("YTV2_SECURE_COOKIES", "false")),
                List.of(env.getOrDefault("YTV2_TRUSTED_PROXIES", "").split(",")).stream().map(String::trim)
                        .filter(p -> !p.isEmpty()).toList(),
                intValue(env, "YTV2_MAX_STREAMS", 1000),
                intValue(env, "YTV2_MAX_STREAMS_PER_CLIENT", 16),
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
                autoImages, maxUploadBytes, variantRetention, uploadGrace, secureCookies, trustedProxies, maxStreams, maxStreamsPerClient, render);
    }

    public Config withAdminToken(String token) {
        return new Config(port, dataDir, databaseUrl, Optional.of(token), ingestToken, readToken, imageBackends,
                autoImages, maxUploadBytes, variantRetention, uploadGrace, secureCookies, trustedProxies, maxStreams, maxStreamsPerClient, render);
    }

    public Config withAutoImages(boolean on) {
        return new Config(port, dataDir, databaseUrl, adminToken, ingestToken, readToken, imageBackends,
                on, maxUploadBytes, variantRetention, uploadGrace, secureCookies, trustedProxies, maxStreams, maxStreamsPerClient, render);
    }

    /** For benchmarks that open many streams from one address. */
    public Config withStreamLimits(int total, int perClient) {
        return new Config(port, dataDir, databaseUrl, adminToken, ingestToken, readToken, imageBackends,
                autoImages, maxUploadBytes, variantRetention, uploadGrace, secureCookies, trustedProxies, total, perClient, render);
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
