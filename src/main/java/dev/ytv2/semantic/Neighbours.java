package dev.ytv2.semantic;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Where nearest reports are looked up: the in-process index, or pgvector's HNSW index. */
public interface Neighbours {
    boolean loaded();

    int size();

    int dimensions();

    long bytes();

    Optional<float[]> vectorOf(String videoId);

    /** The k nearest that `allow` accepts, best first (an approximate index may return fewer). */
    List<VectorIndex.Hit> nearest(float[] query, int k, Predicate<String> allow);
}
