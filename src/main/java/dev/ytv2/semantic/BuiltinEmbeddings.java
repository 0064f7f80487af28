package dev.ytv2.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A quantised all-MiniLM-L6-v2 run in this process by ONNX Runtime: no download, no service. The
 * model (about 23 MB) loads once per JVM, on first use, so servers that never embed never pay for it.
 */
public final class BuiltinEmbeddings implements EmbeddingProvider {
    public static final String MODEL = "builtin:all-minilm-l6-v2-q";
    private static final int DIMENSIONS = 384;
    /**
     * The model reads 256 word pieces at most (longer texts would be cut into windows and averaged,
     * several times the work for little gain); the title, channel and the summary's opening, which
     * come first in the embedded text, fit in about this many characters.
     */
    static final int MAX_CHARS = 1_200;

    private static final class Holder {
        static final Model MODEL = new Model();
    }

    /**
     * One ONNX thread per call: a server embeds many short queries at once, and a session that
     * spreads each call over every core makes concurrent calls fight over them. Batches of texts run
     * in parallel on a pool as large as the machine instead.
     */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private static final ExecutorService POOL = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "builtin-embeddings");
            t.setDaemon(true);
            return t;
        });
        private final OnnxBertBiEncoder encoder;
        /**
         * Model runs at once, at most one per core: more only share the cores, so each call takes
         * several times as long and a request's wait depends on how many others embed with it.
         * Queued in arrival order instead, every call takes its own time and the spread of request
         * latencies under load narrows.
         */
        private final ComputeLanes running = ComputeLanes.perCore();

        Model() {
            super(POOL);
            try (InputStream onnx = resource("/all-minilm-l6-v2-q.onnx"); InputStream tokenizer = resource("/all-minilm-l6-v2-q-tokenizer.json")) {
                OrtEnvironment env = OrtEnvironment.getEnvironment();
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                this.encoder = new OnnxBertBiEncoder(env, env.createSession(onnx.readAllBytes(), options), tokenizer, PoolingMode.MEAN);
            } catch (IOException e) {
                throw new UncheckedIOException("the builtin embedding model could not be read", e);
            } catch (OrtException e) {
                throw new IllegalStateException("ONNX Runtime could not load the builtin embedding model: " + e.getMessage(), e);
            }
        }

        private static InputStream resource(String name) {
            return Objects.requireNonNull(BuiltinEmbeddings.class.getResourceAsStream(name), name + " is missing from the class path");
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        List<Embedding> embedQueued(List<TextSegment> segments) {
            return running.run(true, () -> embedAll(segments).content());
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
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
    public boolean local() {
        return true;
    }

    @Override
    public List<float[]> embed(List<String> texts) throws EmbeddingException {
        try {
            List<Embedding> out = Holder.MODEL.embedQueued(texts.stream().map(BuiltinEmbeddings::segment).toList());
            return out.stream().map(e -> EmbeddingProvider.normalised(e.vector())).toList();
        } catch (RuntimeException | LinkageError e) {
            throw new EmbeddingException("the builtin embedding model failed: " + e, e);
        }
    }

    private static TextSegment segment(String text) {
        String t = text.isBlank() ? " " : text;
        return TextSegment.from(t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t);
    }
}
