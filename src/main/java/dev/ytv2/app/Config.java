package dev.ytv2.app;

import dev.ytv2.files.S3Settings;
import dev.ytv2.render.backend.RenderConfig;
import dev.ytv2.semantic.SemanticConfig;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting the product reads, from the environment (flags override some in {@link Main}).
 * Names are the ones the Python dashboard uses; ours all start with YTV2_. A mode such as
 * `serve --demo` changes defaults only: what the environment sets explicitly always wins.
 */
public record Config(
        int port,
        Path dataDir,
        Optional<String> databaseUrl,
        Optional<String> adminToken,
        Optional<String> ingestToken,
        Optional<String> readToken,
        List<String> imageBackends,
        List<String> demoImageBackends,
        boolean autoImages,
        long maxUploadBytes,
        Duration variantRetention,
        Duration uploadGrace,
        boolean secureCookies,
        List<String> trustedProxies,
        int maxStreams,
        int maxStreamsPerClient,
        Upstream upstream,
        RenderConfig render,
        SemanticConfig semantic,
        Storage storage,
        Set<String> explicit) {

    /** What `serve --demo` turns on for a whole-product tour, where the environment left it unset. */
    static final Duration DEMO_BUILTIN_PACE = Duration.ofSeconds(3);

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

    /**
     * Where stored files go (YTV2_STORAGE): `local` (the data directory), `s3://bucket/prefix` (an
     * S3-compatible bucket), or `server` (a worker hands its renders to YTV2_SERVER_URL's upload API).
     * The connection settings apply to any S3 location, so `storage copy --to s3://...` uses them too.
     */
    public record Storage(String kind, Optional<String> s3Location, Optional<URI> endpoint, String region, boolean pathStyle,
                          Optional<String> accessKey, Optional<String> secretKey, Optional<String> publicUrl,
                          Optional<URI> serverUrl) {
        public static final String LOCAL = "local";
        public static final String S3 = "s3";
        public static final String SERVER = "server";

        static Storage fromEnv(Map<String, String> env) {
            String raw = nonBlank(env.get("YTV2_STORAGE")).orElse(LOCAL);
            String kind = raw.startsWith("s3://") ? S3 : raw.toLowerCase(java.util.Locale.ROOT);
            if (!List.of(LOCAL, S3, SERVER).contains(kind)) {
                throw new IllegalArgumentException("YTV2_STORAGE must be local, server or s3://bucket/prefix, got '" + raw + "'");
            }
            Optional<URI> endpoint = nonBlank(env.get("YTV2_S3_ENDPOINT")).map(e -> url("YTV2_S3_ENDPOINT", e));
            Optional<URI> server = nonBlank(env.get("YTV2_SERVER_URL")).map(e -> url("YTV2_SERVER_URL", e));
            if (kind.equals(SERVER) && server.isEmpty()) throw new IllegalArgumentException("YTV2_STORAGE=server needs YTV2_SERVER_URL");
            Storage storage = new Storage(kind, kind.equals(S3) ? Optional.of(raw) : Optional.empty(), endpoint,
                    nonBlank(env.get("YTV2_S3_REGION")).or(() -> nonBlank(env.get("AWS_REGION"))).orElse("us-east-1"),
                    // Servers other than AWS mostly serve buckets by path only; AWS itself by host name.
                    flag(env, "YTV2_S3_PATH_STYLE", endpoint.isPresent()),
                    nonBlank(env.get("YTV2_S3_ACCESS_KEY")), nonBlank(env.get("YTV2_S3_SECRET_KEY")),
                    nonBlank(env.get("YTV2_S3_PUBLIC_URL")), server);
            storage.s3Location.ifPresent(storage::s3);
            return storage;
        }

        /** The settings for one S3 location with these connection settings. */
        public S3Settings s3(String location) {
            S3Settings.Location l = S3Settings.location(location);
            return new S3Settings(l.bucket(), l.prefix(), endpoint, region, pathStyle, accessKey, secretKey, publicUrl);
        }

        private static URI url(String name, String value) {
            try {
                URI uri = new URI(value.strip());
                if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null) {
                    throw new IllegalArgumentException(name + " must be an http(s) URL, got '" + value + "'");
                }
                return uri;
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException(name + " must be an http(s) URL, got '" + value + "'");
            }
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
                names(env, "YTV2_IMAGE_BACKENDS"),
                names(env, "YTV2_DEMO_IMAGE_BACKENDS"),
                flag(env, "YTV2_AUTO_IMAGES", false),
                longValue(env, "YTV2_MAX_UPLOAD_BYTES", 10L * 1024 * 1024),
                Duration.ofDays(intValue(env, "YTV2_VARIANT_RETENTION_DAYS", 30)),
                Duration.ofHours(intValue(env, "YTV2_UPLOAD_GRACE_HOURS", 24)),
                Boolean.parseBoolean(env.getOrDefault("YTV2_SECURE_COOKIES", "false")),
                List.of(env.getOrDefault("YTV2_TRUSTED_PROXIES", "").split(",")).stream().map(String::trim)
                        .filter(p -> !p.isEmpty()).toList(),
                intValue(env, "YTV2_MAX_STREAMS", 1000),
                intValue(env, "YTV2_MAX_STREAMS_PER_CLIENT", 16),
                Upstream.fromEnv(env),
                RenderConfig.fromEnv(env),
                SemanticConfig.fromEnv(env),
                Storage.fromEnv(env),
                env.entrySet().stream().filter(e -> e.getKey().startsWith("YTV2_") && e.getValue() != null && !e.getValue().isBlank()).map(Map.Entry::getKey)
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /**
     * `serve --demo`: new reports get images without anyone asking, and the builtin renderer takes
     * as long as a GPU would for what a person asks, so the render states can be seen; each only
     * where the environment did not say otherwise.
     */
    public Config withDemoDefaults() {
        Config c = this;
        if (!explicit.contains("YTV2_AUTO_IMAGES")) c = c.withAutoImages(true);
        if (!explicit.contains("YTV2_BUILTIN_PACE_SECONDS")) c = c.withRender(render.withBuiltinPace(DEMO_BUILTIN_PACE));
        return c;
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
                demoImageBackends, autoImages, maxUploadBytes, variantRetention, uploadGrace, secureCookies, trustedProxies, maxStreams, maxStreamsPerClient, upstream, render, semantic, storage, explicit);
    }

    public Config withAdminToken(String token) {
        return new Config(port, dataDir, databaseUrl, Optional.of(token), ingestToken, readToken, imageBackends,
                demoImageBackends, autoImages, maxUploadBytes, variantRetention, uploadGrace, secureCookies, trustedProxies, maxStreams, maxStreamsPerClient, upstream, render, semantic, storage, explicit);
    }

    public Config withAutoImages(boolean on) {
        return new Config(port, dataDir, databaseUrl, adminToken, ingestToken, readToken, imageBackends,
                demoImageBackends, on, maxUploadBytes, variantRetention, uploadGrace, secureCookies, trustedProxies, maxStreams, maxStreamsPerClient, upstream, render, semantic, storage, explicit);
    }

    public Config withRender(RenderConfig newRender) {
        return new Config(port, dataDir, databaseUrl, adminToken, ingestToken, readToken, imageBackends,
                demoImageBackends, autoImages, maxUploadBytes, variantRetention, uploadGrace, secureCookies, trustedProxies, maxStreams, maxStreamsPerClient, upstream, newRender, semantic, storage, explicit);
    }

    /** For benchmarks that open many streams from one address. */
    public Config withStreamLimits(int total, int perClient) {
        return new Config(port, dataDir, databaseUrl, adminToken, ingestToken, readToken, imageBackends,
                demoImageBackends, autoImages, maxUploadBytes, variantRetention, uploadGrace, secureCookies, trustedProxies, total, perClient, upstream, render, semantic, storage, explicit);
    }

    private static List<String> names(Map<String, String> env, String name) {
        String raw = env.get(name);
        return List.of((raw == null || raw.isBlank() ? "builtin" : raw.strip()).split("\\s*,\\s*"));
    }

    /** true/false, also 1/0, yes/no and on/off, since shells and compose files use them all. */
    private static boolean flag(Map<String, String> env, String name, boolean fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) return fallback;
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false (or 1/0), got '" + raw + "'");
        };
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
