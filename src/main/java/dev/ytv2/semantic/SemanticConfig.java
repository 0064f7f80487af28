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
        Duration timeout,
        String index,
        GraphVectorIndex.Settings graph,
        int queryCache) {

    public static final String BUILTIN = "builtin";
    public static final String OPENAI = "openai";
    public static final String OFF = "off";
    /** In-process index kinds (YTV2_SEMANTIC_INDEX); pgvector, where installed, takes precedence over both. */
    public static final String GRAPH = "graph";
    public static final String EXACT = "exact";

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
                e.seconds("YTV2_EMBEDDINGS_TIMEOUT_SECONDS", 30),
                index(e.text("YTV2_SEMANTIC_INDEX").orElse(GRAPH), env),
                GraphVectorIndex.Settings.DEFAULTS
                        .withExactBelow(e.integer("YTV2_SEMANTIC_EXACT_BELOW", GraphVectorIndex.Settings.DEFAULTS.exactBelow(), 0, Integer.MAX_VALUE))
                        .withSearchBeam(e.integer("YTV2_SEMANTIC_SEARCH_BEAM", GraphVectorIndex.Settings.DEFAULTS.searchBeam(), 10, 5_000)),
                e.integer("YTV2_QUERY_VECTOR_CACHE", 512, 0, 1_000_000));
    }

    private static String index(String value, Map<String, String> env) {
        String v = value.toLowerCase(java.util.Locale.ROOT);
        if (!java.util.Set.of(GRAPH, EXACT).contains(v)) {
            throw new IllegalArgumentException("YTV2_SEMANTIC_INDEX must be graph or exact, got '" + env.get("YTV2_SEMANTIC_INDEX") + "'");
        }
        return v;
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
