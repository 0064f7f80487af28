package dev.ytv2.semantic;

import java.util.ArrayList;
import java.util.Arrays;
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
public final class VectorIndex {
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
    }

    public int dimensions() {
        return dimensions;
    }

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

    public int size() {
        lock.readLock().lock();
        try {
            return slots.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The heap this index holds: the vectors and their ids. */
    public long bytes() {
        lock.readLock().lock();
        try {
            return (long) data.length * 4 + (long) slots.size() * 160;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The k entries closest to `query` that `allow` accepts, best first. */
    public List<Hit> nearest(float[] query, int k, Predicate<String> allow) {
        if (query.length != dimensions) throw new IllegalArgumentException("expected " + dimensions + " dimensions, got " + query.length);
        if (k <= 0) return List.of();
        TopK top = new TopK(k);
        lock.readLock().lock();
        try {
            for (int slot = 0; slot < used; slot++) {
                String id = ids[slot];
                if (id == null) continue;
                float score = dot(query, data, slot * dimensions);
                if (top.accepts(score) && allow.test(id)) top.add(score, slot);
            }
            return top.sorted(ids);
        } finally {
            lock.readLock().unlock();
        }
    }

    private float dot(float[] q, float[] d, int offset) {
        // Four running sums let the CPU overlap the multiplications.
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < dimensions; i += 4) {
            s0 += q[i] * d[offset + i];
            s1 += q[i + 1] * d[offset + i + 1];
            s2 += q[i + 2] * d[offset + i + 2];
            s3 += q[i + 3] * d[offset + i + 3];
        }
        for (; i < dimensions; i++) s0 += q[i] * d[offset + i];
        return (s0 + s1) + (s2 + s3);
    }

    private void grow() {
        int capacity = Math.max(1024, ids.length + ids.length / 2);
        ids = Arrays.copyOf(ids, capacity);
        data = Arrays.copyOf(data, capacity * dimensions);
    }

    /** A min-heap of the best k scores seen so far. */
    private static final class TopK {
        private final float[] scores;
        private final int[] slots;
        private int size;

        TopK(int k) {
            scores = new float[k];
            slots = new int[k];
        }

        boolean accepts(float score) {
            return size < scores.length || score > scores[0];
        }

        void add(float score, int slot) {
            if (size < scores.length) {
                int i = size++;
                scores[i] = score;
                slots[i] = slot;
                while (i > 0 && scores[(i - 1) / 2] > scores[i]) {
                    swap(i, (i - 1) / 2);
                    i = (i - 1) / 2;
                }
                return;
            }
            scores[0] = score;
            slots[0] = slot;
            int i = 0;
            while (true) {
                int l = 2 * i + 1, r = l + 1, m = i;
                if (l < size && scores[l] < scores[m]) m = l;
                if (r < size && scores[r] < scores[m]) m = r;
                if (m == i) return;
                swap(i, m);
                i = m;
            }
        }

        private void swap(int a, int b) {
            float s = scores[a];
            scores[a] = scores[b];
            scores[b] = s;
            int t = slots[a];
            slots[a] = slots[b];
            slots[b] = t;
        }

        List<Hit> sorted(String[] ids) {
            List<Hit> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) out.add(new Hit(ids[slots[i]], scores[i]));
            out.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : a.videoId().compareTo(b.videoId()));
            return out;
        }
    }
}
