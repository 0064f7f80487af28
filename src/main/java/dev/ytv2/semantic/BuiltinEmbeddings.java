package dev.ytv2.semantic;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.util.List;

/**
 * A quantised all-MiniLM-L6-v2 run in this process by ONNX Runtime: no download, no service. The
 * model (about 23 MB) loads once per JVM, on first use, so servers that never embed never pay for it.
 */
public final class BuiltinEmbeddings implements EmbeddingProvider {
    public static final String MODEL = "builtin:all-minilm-l6-v2-q";
    private static final int DIMENSIONS = 384;

    private static final class Holder {
        // Segments of one call run one after another on the caller's thread; ONNX Runtime itself
        // spreads each over the cores, so concurrent calls never multiply the threads.
        static final AllMiniLmL6V2QuantizedEmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
    }

    private final int batchSize;

    public BuiltinEmbeddings(int batchSize) {
        this.batchSize = batchSize;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public List<float[]> embed(List<String> texts) throws EmbeddingException {
        try {
            List<Embedding> out = Holder.MODEL.embedAll(texts.stream().map(t -> TextSegment.from(t.isBlank() ? " " : t)).toList()).content();
            return out.stream().map(e -> EmbeddingProvider.normalised(e.vector())).toList();
        } catch (RuntimeException | LinkageError e) {
            throw new EmbeddingException("the builtin embedding model failed: " + e, e);
        }
    }
}
