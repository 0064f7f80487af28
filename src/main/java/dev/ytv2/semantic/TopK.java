package dev.ytv2.semantic;

import java.util.ArrayList;
import java.util.List;

/** A min-heap of the best k scores seen so far, each with the slot (or ordinal) it came from. */
final class TopK {
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

    /** Best first; equal scores by id, so both indexes order ties alike. */
    List<VectorIndex.Hit> sorted(String[] ids) {
        List<VectorIndex.Hit> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(new VectorIndex.Hit(ids[slots[i]], scores[i]));
        out.sort(VectorIndex.Hit.BEST_FIRST);
        return out;
    }
}
