package dev.ytv2.semantic;

import dev.ytv2.render.backend.RenderConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Embedding and semantic-search settings (YTV2_EMBEDDINGS*, YTV2_EMBED_*; README lists them with defaults). */
public record SemanticConfig(
        String provider,
        int batchSize,
        Duration sweepEvery,
        int maxAttempts,
        Duration backoff,
        String openaiUrl,
        Optional<String> openaiKey,
        String openaiModel,
        Optional<Integer> openaiDimensions,
        Duration timeout) {

    public static final String BUILTIN = "builtin";
    public static final String OPENAI = "openai";
    public static final String OFF = "off";

    public static SemanticConfig fromEnv(Map<String, String> env) {
        RenderConfig.Env e = new RenderConfig.Env(env);
        String provider = e.text("YTV2_EMBEDDINGS").orElse(BUILTIN).toLowerCase(java.util.Locale.ROOT);
        if (!java.util.Set.of(BUILTIN, OPENAI, OFF).contains(provider)) {
            throw new IllegalArgumentException("YTV2_EMBEDDINGS must be builtin, openai or off, got '" + env.get("YTV2_EMBEDDINGS") + "'");
        }
        Optional<Integer> dims = e.text("YTV2_EMBEDDINGS_DIMENSIONS").map(v -> e.integer("YTV2_EMBEDDINGS_DIMENSIONS", 0, 1, 16_384));
        return new SemanticConfig(provider,
                e.integer("YTV2_EMBED_BATCH", 32, 1, 2048),
                e.seconds("YTV2_EMBED_SWEEP_SECONDS", 2),
                e.integer("YTV2_EMBED_MAX_ATTEMPTS", 5, 1, 100),
                e.seconds("YTV2_EMBED_BACKOFF_SECONDS", 30),
                e.url("YTV2_EMBEDDINGS_URL", "https://api.openai.com"),
                e.text("YTV2_EMBEDDINGS_API_KEY").or(() -> e.text("YTV2_OPENAI_API_KEY")),
                e.text("YTV2_EMBEDDINGS_MODEL").orElse("text-embedding-3-large"),
                dims,
                e.seconds("YTV2_EMBEDDINGS_TIMEOUT_SECONDS", 30));
    }

    public boolean enabled() {
        return !OFF.equals(provider);
    }

    /** A job whose worker vanished is taken back after this long; a batch takes far less. */
    public Duration lease() {
        Duration floor = Duration.ofMinutes(2);
        Duration four = timeout.multipliedBy(4);
        return four.compareTo(floor) > 0 ? four : floor;
    }
}
