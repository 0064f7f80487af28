package dev.ytv2.semantic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * An exact nearest-neighbour index in memory: unit vectors side by side in one float array, scored
 * by dot product (cosine) against every entry. Exact answers, no build step, and an update is one
 * copy; at 100,000 reports of 384 dimensions a query reads 150 MB of floats (docs/BENCHMARKS.md).
 */
public final class VectorIndex implements InMemoryVectors {
    private final int dimensions;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> slots = new HashMap<>();
    private final List<Integer> free = new ArrayList<>();
    private float[] data = new float[0];
    private String[] ids = new String[0];
    private int used;

    public VectorIndex(int dimensions) {
        this.dimensions = dimensions;
    }

    public record Hit(String videoId, double score) {
        /** Best first; equal scores by id, so every index orders ties alike. */
        public static final java.util.Comparator<Hit> BEST_FIRST = (a, b) -> a.score() != b.score()
                ? Double.compare(b.score(), a.score()) : a.videoId().compareTo(b.videoId());
    }

    @Override
    public String kind() {
        return "exact";
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public void put(String videoId, float[] vector) {
        if (vector.length != dimensions) throw new IllegalArgumentException("expected " + dimensions + " dimensions, got " + vector.length);
        lock.writeLock().lock();
        try {
            Integer slot = slots.get(videoId);
            if (slot == null) {
                slot = free.isEmpty() ? used++ : free.remove(free.size() - 1);
                if (slot >= ids.length) grow();
                slots.put(videoId, slot);
                ids[slot] = videoId;
            }
            System.arraycopy(vector, 0, data, slot * dimensions, dimensions);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Room for `capacity` entries without growing, when their number is known beforehand. */
    @Override
    public void reserve(int capacity) {
        lock.writeLock().lock();
        try {
            if (capacity <= ids.length) return;
            ids = Arrays.copyOf(ids, capacity);
            data = Arrays.copyOf(data, capacity * dimensions);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void remove(String videoId) {
        lock.writeLock().lock();
        try {
            Integer slot = slots.remove(videoId);
            if (slot == null) return;
            ids[slot] = null;
            free.add(slot);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public java.util.Optional<float[]> get(String videoId) {
        lock.readLock().lock();
        try {
            Integer slot = slots.get(videoId);
            return slot == null ? java.util.Optional.empty()
                    : java.util.Optional.of(Arrays.copyOfRange(data, slot * dimensions, (slot + 1) * dimensions));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            return slots.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The heap this index holds: the vectors and their ids. */
    @Override
    public long bytes() {
        lock.readLock().lock();
        try {
            return (long) data.length * 4 + (long) slots.size() * 160;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The k entries closest to `query` that `allow` accepts, best first. */
    @Override
    public List<Hit> nearest(float[] query, int k, Predicate<String> allow) {
        if (query.length != dimensions) throw new IllegalArgumentException("expected " + dimensions + " dimensions, got " + query.length);
        if (k <= 0) return List.of();
        TopK top = new TopK(k);
        lock.readLock().lock();
        try {
            for (int slot = 0; slot < used; slot++) {
                String id = ids[slot];
                if (id == null) continue;
                float score = VectorMath.dot(query, data, slot * dimensions, dimensions);
                if (top.accepts(score) && allow.test(id)) top.add(score, slot);
            }
            return top.sorted(ids);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<Hit> nearestAmong(float[] query, int k, Set<String> among, Predicate<String> allow) {
        if (query.length != dimensions) throw new IllegalArgumentException("expected " + dimensions + " dimensions, got " + query.length);
        if (k <= 0) return List.of();
        TopK top = new TopK(k);
        lock.readLock().lock();
        try {
            for (String id : among) {
                Integer slot = slots.get(id);
                if (slot == null || !allow.test(id)) continue;
                float score = VectorMath.dot(query, data, slot * dimensions, dimensions);
                if (top.accepts(score)) top.add(score, slot);
            }
            return top.sorted(ids);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void grow() {
        int capacity = Math.max(1024, ids.length + ids.length / 2);
        ids = Arrays.copyOf(ids, capacity);
        data = Arrays.copyOf(data, capacity * dimensions);
    }
}
