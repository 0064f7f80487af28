package dev.ytv2.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ytv2.render.backend.BackendException;
import dev.ytv2.render.backend.BackendHttp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * `POST {base}/v1/embeddings`, as OpenAI and the servers that copy its API (Ollama, LM Studio,
 * llama.cpp, vLLM) answer it: texts go in batches of at most `batchSize`, each call bounded in time
 * and in answer size, and every failure says what went wrong in which call.
 */
public final class OpenAiEmbeddings implements EmbeddingProvider {
    /** 2,048 texts of 3,072 dimensions as JSON numbers stay well under this. */
    private static final long MAX_ANSWER_BYTES = 256L * 1024 * 1024;

    private final String url;
    private final String modelName;
    private final Optional<Integer> requestedDimensions;
    private final int knownDimensions;
    private final int batchSize;
    private final BackendHttp http;
    private final ObjectMapper mapper;

    public OpenAiEmbeddings(String baseUrl, Optional<String> key, String model, Optional<Integer> dimensions, int batchSize,
                            Duration timeout, ObjectMapper mapper) {
        this.url = baseUrl + "/v1/embeddings";
        this.modelName = model;
        this.requestedDimensions = dimensions;
        this.knownDimensions = dimensions.orElseGet(() -> defaultDimensions(model));
        this.batchSize = batchSize;
        this.mapper = mapper;
        this.http = new BackendHttp("embeddings", timeout, key.map(k -> List.of("Authorization", "Bearer " + k)).orElse(List.of()),
                mapper, MAX_ANSWER_BYTES);
    }

    public static OpenAiEmbeddings fromConfig(SemanticConfig c, ObjectMapper mapper) {
        return new OpenAiEmbeddings(c.openaiUrl(), c.openaiKey(), c.openaiModel(), c.openaiDimensions(), c.batchSize(),
                c.timeout(), mapper);
    }

    /** Vectors of different sizes of one model are different spaces, so the size is part of the key. */
    @Override
    public String model() {
        return "openai:" + modelName + "@" + knownDimensions;
    }

    @Override
    public int dimensions() {
        return knownDimensions;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public List<float[]> embed(List<String> texts) throws EmbeddingException {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            out.addAll(call(texts.subList(from, Math.min(texts.size(), from + batchSize))));
        }
        return out;
    }

    private List<float[]> call(List<String> batch) throws EmbeddingException {
        ObjectNode body = mapper.createObjectNode().put("model", modelName).put("encoding_format", "float");
        batch.forEach(body.putArray("input")::add);
        requestedDimensions.ifPresent(d -> body.put("dimensions", d));
        JsonNode answer;
        try {
            answer = http.postJson(url, body);
        } catch (BackendException e) {
            throw new EmbeddingException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingException("embeddings: interrupted");
        }
        JsonNode data = answer.path("data");
        if (!data.isArray() || data.size() != batch.size()) {
            throw new EmbeddingException("embeddings: the answer has " + (data.isArray() ? data.size() : 0)
                    + " vectors for " + batch.size() + " texts");
        }
        float[][] vectors = new float[batch.size()][];
        for (int i = 0; i < data.size(); i++) {
            JsonNode item = data.get(i);
            int at = item.path("index").isInt() ? item.get("index").asInt() : i;
            JsonNode v = item.path("embedding");
            if (at < 0 || at >= vectors.length || vectors[at] != null || !v.isArray()) {
                throw new EmbeddingException("embeddings: answer item " + i + " has no usable index or embedding");
            }
            if (v.size() != knownDimensions) {
                throw new EmbeddingException("embeddings: model " + modelName + " answered " + v.size() + " dimensions, expected "
                        + knownDimensions + " (set YTV2_EMBEDDINGS_DIMENSIONS)");
            }
            float[] f = new float[v.size()];
            for (int j = 0; j < f.length; j++) {
                if (!v.get(j).isNumber()) throw new EmbeddingException("embeddings: answer item " + i + " holds a value that is not a number");
                f[j] = (float) v.get(j).asDouble();
            }
            vectors[at] = EmbeddingProvider.normalised(f);
        }
        return List.of(vectors);
    }

    /** The sizes of the models existing installations use; others must be told with YTV2_EMBEDDINGS_DIMENSIONS. */
    static int defaultDimensions(String model) {
        return switch (model) {
            case "text-embedding-3-large" -> 3072;
            case "text-embedding-3-small", "text-embedding-ada-002" -> 1536;
            case "nomic-embed-text" -> 768;
            case "all-minilm", "all-minilm:l6-v2" -> 384;
            default -> throw new IllegalArgumentException("YTV2_EMBEDDINGS_DIMENSIONS must be set for the embedding model '" + model + "'");
        };
    }
}
