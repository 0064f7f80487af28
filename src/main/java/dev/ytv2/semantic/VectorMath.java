package dev.ytv2.semantic;

/** The similarity both in-process indexes score by: the dot product of unit vectors, i.e. cosine. */
final class VectorMath {
    private VectorMath() {
    }

    /** `q` against `dims` floats of `d` from `offset`. */
    static float dot(float[] q, float[] d, int offset, int dims) {
        // Four running sums let the CPU overlap the multiplications (one sum waits on each add:
        // about 3x slower on 384 dimensions, and jvector's own fallback loop is that one sum).
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < dims; i += 4) {
            s0 += q[i] * d[offset + i];
            s1 += q[i + 1] * d[offset + i + 1];
            s2 += q[i + 2] * d[offset + i + 2];
            s3 += q[i + 3] * d[offset + i + 3];
        }
        for (; i < dims; i++) s0 += q[i] * d[offset + i];
        return (s0 + s1) + (s2 + s3);
    }
}
