package dev.ytv2.semantic;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Where nearest reports are looked up: the in-process index, or pgvector's HNSW index. */
public interface Neighbours {
    boolean loaded();

    int size();

    int dimensions();

    long bytes();

    /** What answers searches, for the status page and the logs. */
    String kind();

    Optional<float[]> vectorOf(String videoId);

    /** Whether a search computes on this machine's cores (an in-process index) rather than in a database. */
    default boolean local() {
        return false;
    }

    /** The k nearest that `allow` accepts, best first (an approximate index may return fewer). */
    List<VectorIndex.Hit> nearest(float[] query, int k, Predicate<String> allow);

    /** The k nearest among `among` (the reports a filter passes) that `allow` accepts, best first. */
    default List<VectorIndex.Hit> nearestAmong(float[] query, int k, Set<String> among, Predicate<String> allow) {
        return nearest(query, k, allow.and(among::contains));
    }

    /** How many nearest a filtered search takes before its filter applies (see {@link InMemoryVectors#candidates}). */
    default int candidates(int k) {
        return Math.max(k, 2_000);
    }
}
