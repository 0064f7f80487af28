package dev.ytv2.semantic;

import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.quantization.ProductQuantization;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.ByteSequence;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Each vector of the graph as one byte per 8 dimensions (product quantisation: jvector trains the
 * 256 centroids of each 8-dimension slice and encodes), so a search walks the graph on table lookups
 * over 48 bytes instead of dot products over 1.5 KB (the builtin model's 384 dimensions), which at 100,000 vectors wait on memory more than
 * they compute. The walk's best candidates are scored exactly again before anything is answered.
 *
 * <p>Codes are written under the index's write lock, in ordinal order; readers only trust an ordinal
 * below {@link #count()}, which is published after its bytes.
 */
final class ProductCodes {
    /** Dimensions per code byte. */
    static final int SLICE = 8;
    private static final int CENTROIDS = 256;
    /** Vectors the centroids are trained on (a sample: more costs start-up time for no measured gain). */
    static final int TRAINING_SAMPLE = 16_384;
    /** Fewer vectors than this do not train 256 centroids per slice; searches then score exactly. */
    static final int MIN_VECTORS = 2_048;
    private static final VectorTypeSupport VTS = VectorizationProvider.getInstance().getVectorTypeSupport();

    private final ProductQuantization pq;
    private final int dimensions;
    private final int slices;
    /** centroid c of slice m is centroids[c][m * SLICE ...]. */
    private final float[][] centroids;
    private volatile byte[] codes = new byte[0];
    private volatile int count;

    private ProductCodes(ProductQuantization pq, int dimensions) {
        this.pq = pq;
        this.dimensions = dimensions;
        this.slices = dimensions / SLICE;
        this.centroids = new float[CENTROIDS][];
        // jvector keeps its codebooks to itself; decoding a code that picks centroid c in every slice
        // gives centroid c of each slice, side by side.
        ByteSequence<?> code = VTS.createByteSequence(slices);
        VectorFloat<?> out = VTS.createFloatVector(dimensions);
        for (int c = 0; c < CENTROIDS; c++) {
            for (int m = 0; m < slices; m++) code.set(m, (byte) c);
            pq.decode(code, out);
            float[] row = new float[dimensions];
            for (int i = 0; i < dimensions; i++) row[i] = out.get(i);
            centroids[c] = row;
        }
    }

    /** Trained on `sample`; empty when the dimensions do not split into slices or the sample is too small. */
    static Optional<ProductCodes> train(List<float[]> sample, int dimensions) {
        if (dimensions % SLICE != 0 || sample.size() < MIN_VECTORS) return Optional.empty();
        List<VectorFloat<?>> vectors = sample.stream().<VectorFloat<?>>map(VTS::createFloatVector).toList();
        ProductQuantization pq = ProductQuantization.compute(new ListRandomAccessVectorValues(vectors, dimensions),
                dimensions / SLICE, CENTROIDS, false);
        return Optional.of(new ProductCodes(pq, dimensions));
    }

    /** The code of `v`; any thread. */
    byte[] encode(float[] v) {
        ByteSequence<?> seq = pq.encode(VTS.createFloatVector(v));
        byte[] out = new byte[slices];
        for (int m = 0; m < slices; m++) out[m] = seq.get(m);
        return out;
    }

    /** Stores the code of `ordinal`, which is {@link #count()} (codes are set in ordinal order); under the index's write lock. */
    void append(int ordinal, byte[] code) {
        if (ordinal != count) throw new IllegalStateException("code for ordinal " + ordinal + " while " + count + " are set");
        byte[] all = codes;
        if ((ordinal + 1) * slices > all.length) all = Arrays.copyOf(all, Math.max(slices * 1024, all.length * 3 / 2 + slices));
        System.arraycopy(code, 0, all, ordinal * slices, slices);
        codes = all;
        count = ordinal + 1;
    }

    /** Ordinals below this have their codes. */
    int count() {
        return count;
    }

    long bytes() {
        return codes.length + (long) CENTROIDS * dimensions * 4;
    }

    /** The query's dot product with every centroid of every slice: a query's scores are then sums of lookups. */
    float[] table(float[] query) {
        float[] t = new float[slices * CENTROIDS];
        for (int c = 0; c < CENTROIDS; c++) {
            float[] row = centroids[c];
            for (int m = 0; m < slices; m++) {
                int o = m * SLICE;
                float s = 0;
                for (int i = o; i < o + SLICE; i++) s += query[i] * row[i];
                t[m * CENTROIDS + c] = s;
            }
        }
        return t;
    }

    /** The approximate dot product of the query of `table` with `ordinal`'s vector; only for ordinals below count(). */
    float dot(float[] table, int ordinal) {
        byte[] all = codes;
        int base = ordinal * slices;
        float s0 = 0, s1 = 0;
        int m = 0;
        for (; m + 1 < slices; m += 2) {
            s0 += table[m * CENTROIDS + (all[base + m] & 0xff)];
            s1 += table[(m + 1) * CENTROIDS + (all[base + m + 1] & 0xff)];
        }
        if (m < slices) s0 += table[m * CENTROIDS + (all[base + m] & 0xff)];
        return s0 + s1;
    }
}
