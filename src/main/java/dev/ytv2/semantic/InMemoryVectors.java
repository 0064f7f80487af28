package dev.ytv2.semantic;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The vectors {@link SemanticIndex} keeps in this process: the exact {@link VectorIndex}, or the
 * approximate {@link GraphVectorIndex} (YTV2_SEMANTIC_INDEX). Both take unit vectors and score by cosine.
 */
public interface InMemoryVectors {
    int dimensions();

    /** Room for `capacity` entries, when their number is known beforehand. */
    void reserve(int capacity);

    /** Adds or replaces the vector of `videoId`. */
    void put(String videoId, float[] vector);

    void remove(String videoId);

    Optional<float[]> get(String videoId);

    int size();

    /** What answers searches now, for the status page. */
    String kind();

    /** The heap it holds, in bytes. */
    long bytes();

    /** The start-up read is done: an index with a build step builds now (in the calling thread). */
    default void loaded() {
    }

    /**
     * How many nearest a filtered search takes before its filter applies: where a search scores every
     * vector anyway, as many as the filter could want; where it walks a graph, a few times k.
     */
    default int candidates(int k) {
        return Math.max(k, 2_000);
    }

    /** The k entries nearest `query` that `allow` accepts, best first. */
    List<VectorIndex.Hit> nearest(float[] query, int k, Predicate<String> allow);

    /** The same, among `ids` only (a filter's reports): scored one by one, however the index is built. */
    List<VectorIndex.Hit> nearestAmong(float[] query, int k, Set<String> ids, Predicate<String> allow);
}
