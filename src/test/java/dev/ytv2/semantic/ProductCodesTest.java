package dev.ytv2.semantic;

import dev.ytv2.support.UnitTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@UnitTest
class ProductCodesTest {
    private static float[] unit(SplittableRandom r, float[] centre, int dims) {
        float[] v = new float[dims];
        for (int i = 0; i < dims; i++) v[i] = (centre == null ? 0 : centre[i]) + (float) r.nextGaussian() / (float) Math.sqrt(dims);
        return EmbeddingProvider.normalised(v);
    }

    private static List<float[]> clustered(SplittableRandom r, int n, int dims) {
        List<float[]> centres = new ArrayList<>();
        for (int t = 0; t < 50; t++) centres.add(unit(r, null, dims));
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(unit(r, centres.get(r.nextInt(centres.size())), dims));
        return out;
    }

    @Test
    void aCodedVectorsDotProductWithAQueryIsCloseToTheExactOne() {
        SplittableRandom r = new SplittableRandom(3);
        int dims = 64;
        List<float[]> data = clustered(r, 4_096, dims);
        ProductCodes pc = ProductCodes.train(data, dims).orElseThrow();
        for (int o = 0; o < data.size(); o++) pc.append(o, pc.encode(data.get(o)));
        assertThat(pc.count()).isEqualTo(data.size());

        double error = 0;
        int pairs = 0;
        int topAgree = 0;
        for (int q = 0; q < 50; q++) {
            float[] query = data.get(r.nextInt(data.size()));
            float[] table = pc.table(query);
            int bestExact = -1;
            int bestCoded = -1;
            for (int o = 0; o < data.size(); o++) {
                float exact = VectorMath.dot(query, data.get(o), 0, dims);
                float coded = pc.dot(table, o);
                error += Math.abs(exact - coded);
                pairs++;
                if (bestExact < 0 || exact > VectorMath.dot(query, data.get(bestExact), 0, dims)) bestExact = o;
                if (bestCoded < 0 || coded > pc.dot(table, bestCoded)) bestCoded = o;
            }
            if (bestExact == bestCoded) topAgree++;
        }
        // Unit vectors: dot products lie in [-1, 1]; the codes are a walk's guide, rescored exactly after.
        assertThat(error / pairs).isLessThan(0.05);
        assertThat(topAgree).as("queries whose best match the codes also rank first").isGreaterThanOrEqualTo(45);
    }

    @Test
    void tooFewVectorsOrDimensionsThatDoNotSplitGiveNoCodes() {
        SplittableRandom r = new SplittableRandom(4);
        assertThat(ProductCodes.train(clustered(r, ProductCodes.MIN_VECTORS - 1, 64), 64)).isEmpty();
        assertThat(ProductCodes.train(clustered(r, ProductCodes.MIN_VECTORS, 60), 60)).isEmpty();
    }

    @Test
    void codesAreSetInOrdinalOrderOnly() {
        SplittableRandom r = new SplittableRandom(5);
        List<float[]> data = clustered(r, ProductCodes.MIN_VECTORS, 32);
        ProductCodes pc = ProductCodes.train(data, 32).orElseThrow();
        pc.append(0, pc.encode(data.get(0)));
        assertThatThrownBy(() -> pc.append(2, pc.encode(data.get(2)))).isInstanceOf(IllegalStateException.class);
        assertThat(pc.count()).isEqualTo(1);
    }
}
