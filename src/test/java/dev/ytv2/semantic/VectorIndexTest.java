package dev.ytv2.semantic;

import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@UnitTest
class VectorIndexTest {

    private static float[] unit(SplittableRandom r, int dims) {
        float[] v = new float[dims];
        for (int i = 0; i < dims; i++) v[i] = (float) r.nextGaussian();
        return EmbeddingProvider.normalised(v);
    }

    @Test
    void nearestIsTheExactTopKByCosineAndHonoursTheFilter() {
        SplittableRandom r = new SplittableRandom(7);
        VectorIndex index = new VectorIndex(16);
        List<float[]> all = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            float[] v = unit(r, 16);
            all.add(v);
            index.put("r" + i, v);
        }
        float[] q = unit(r, 16);
        List<String> brute = new java.util.ArrayList<>();
        java.util.stream.IntStream.range(0, all.size()).boxed()
                .sorted((a, b) -> Double.compare(dot(q, all.get(b)), dot(q, all.get(a)))).limit(10).forEach(i -> brute.add("r" + i));
        assertThat(index.nearest(q, 10, id -> true)).extracting(VectorIndex.Hit::videoId).containsExactlyElementsOf(brute);
        assertThat(index.nearest(q, 5, id -> id.endsWith("7"))).hasSize(5).allMatch(h -> h.videoId().endsWith("7"));
    }

    @Test
    void aRemovedEntryLeavesAndItsSlotIsReused() {
        VectorIndex index = new VectorIndex(2);
        index.put("a", new float[]{1, 0});
        index.put("b", new float[]{0, 1});
        index.remove("a");
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.nearest(new float[]{1, 0}, 5, id -> true)).extracting(VectorIndex.Hit::videoId).containsExactly("b");
        index.put("c", new float[]{1, 0});
        index.put("b", new float[]{-1, 0});
        assertThat(index.nearest(new float[]{1, 0}, 5, id -> true)).extracting(VectorIndex.Hit::videoId).containsExactly("c", "b");
        assertThat(index.get("a")).isEmpty();
        assertThatThrownBy(() -> index.put("d", new float[]{1, 0, 0})).isInstanceOf(IllegalArgumentException.class);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
