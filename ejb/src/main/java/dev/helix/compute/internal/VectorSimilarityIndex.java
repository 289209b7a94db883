package dev.helix.compute.internal;

import dev.helix.compute.model.ComputeBackend;
import dev.helix.compute.model.Similarity;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Java Vector API backend: each row's dot products with up to four queries at once, in the widest SIMD
 * registers the CPU has, so a row is loaded once per four queries.
 */
final class VectorSimilarityIndex extends RowMajorIndex {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    VectorSimilarityIndex(int dimensions, Similarity similarity, int segmentRows) {
        super(dimensions, similarity, segmentRows);
    }

    @Override
    public ComputeBackend backend() {
        return ComputeBackend.VECTOR;
    }

    @Override
    protected void scanRows(float[][] queries, float[] data, int from, int to, int base, TopK[] tops) {
        int vectorEnd = SPECIES.loopBound(dimensions);
        for (int r = from; r < to; r++) {
            if (isRemoved(base + r)) {
                continue;
            }
            int offset = r * dimensions;
            int q = 0;
            for (; q + 4 <= queries.length; q += 4) {
                scoreFour(queries, q, data, offset, vectorEnd, base + r, tops);
            }
            for (; q < queries.length; q++) {
                float[] query = queries[q];
                FloatVector sum = FloatVector.zero(SPECIES);
                int d = 0;
                for (; d < vectorEnd; d += SPECIES.length()) {
                    sum = FloatVector.fromArray(SPECIES, query, d)
                            .fma(FloatVector.fromArray(SPECIES, data, offset + d), sum);
                }
                float score = sum.reduceLanes(VectorOperators.ADD);
                for (; d < dimensions; d++) {
                    score += query[d] * data[offset + d];
                }
                tops[q].offer(score, base + r);
            }
        }
    }

    private void scoreFour(float[][] queries, int q, float[] data, int offset, int vectorEnd, int row, TopK[] tops) {
        float[] q0 = queries[q];
        float[] q1 = queries[q + 1];
        float[] q2 = queries[q + 2];
        float[] q3 = queries[q + 3];
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int d = 0;
        for (; d < vectorEnd; d += SPECIES.length()) {
            FloatVector v = FloatVector.fromArray(SPECIES, data, offset + d);
            s0 = FloatVector.fromArray(SPECIES, q0, d).fma(v, s0);
            s1 = FloatVector.fromArray(SPECIES, q1, d).fma(v, s1);
            s2 = FloatVector.fromArray(SPECIES, q2, d).fma(v, s2);
            s3 = FloatVector.fromArray(SPECIES, q3, d).fma(v, s3);
        }
        float a0 = s0.reduceLanes(VectorOperators.ADD);
        float a1 = s1.reduceLanes(VectorOperators.ADD);
        float a2 = s2.reduceLanes(VectorOperators.ADD);
        float a3 = s3.reduceLanes(VectorOperators.ADD);
        for (; d < dimensions; d++) {
            float v = data[offset + d];
            a0 += q0[d] * v;
            a1 += q1[d] * v;
            a2 += q2[d] * v;
            a3 += q3[d] * v;
        }
        tops[q].offer(a0, row);
        tops[q + 1].offer(a1, row);
        tops[q + 2].offer(a2, row);
        tops[q + 3].offer(a3, row);
    }
}
