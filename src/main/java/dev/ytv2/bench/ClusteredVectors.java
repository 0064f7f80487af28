package dev.ytv2.bench;

import dev.ytv2.semantic.EmbeddingProvider;

import java.util.SplittableRandom;

/**
 * Stand-in vectors for a large library: reports about topics, each vector a topic's random unit
 * centre plus noise as long as the centre in every direction (two reports of one topic have a cosine
 * of about 0.5, of two topics about 0). An exact index costs the same whatever the vectors hold; a
 * graph does not, and uniformly random vectors, with no neighbours nearer than the rest, are a case
 * no real library is (docs/BENCHMARKS.md gives both).
 */
public final class ClusteredVectors {
    private final float[][] centres;

    public ClusteredVectors(long seed, int topics, int dimensions) {
        SplittableRandom r = new SplittableRandom(seed);
        centres = new float[topics][];
        for (int t = 0; t < topics; t++) centres[t] = gaussianUnit(r, dimensions);
    }

    public float[] next(SplittableRandom r) {
        return near(r, centres[r.nextInt(centres.length)], 1.0);
    }

    public static float[] gaussianUnit(SplittableRandom r, int dims) {
        float[] v = new float[dims];
        for (int i = 0; i < dims; i++) v[i] = (float) r.nextGaussian();
        return EmbeddingProvider.normalised(v);
    }

    /** `centre` plus noise of length about `noise`, made unit: a query near a report. */
    public static float[] near(SplittableRandom r, float[] centre, double noise) {
        float[] v = new float[centre.length];
        for (int i = 0; i < v.length; i++) v[i] = centre[i] + (float) (r.nextGaussian() * noise / Math.sqrt(v.length));
        return EmbeddingProvider.normalised(v);
    }
}
