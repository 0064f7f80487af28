package dev.ytv2.semantic;

import java.util.List;

/** Turns texts into unit-length vectors; one instance per configured model. */
public interface EmbeddingProvider {
    /** What the stored vectors are keyed by: another model's vectors are never compared with these. */
    String model();

    int dimensions();

    /** The most texts one call takes. */
    int batchSize();

    /** One vector per text, in order; each of length {@link #dimensions()} and norm 1. */
    List<float[]> embed(List<String> texts) throws EmbeddingException;

    /** Whether {@link #embed} computes on this machine's cores rather than waiting on a service. */
    default boolean local() {
        return false;
    }

    static float[] normalised(float[] v) {
        double sum = 0;
        for (float x : v) sum += (double) x * x;
        if (sum == 0) return v;
        float inv = (float) (1 / Math.sqrt(sum));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * inv;
        return out;
    }
}
