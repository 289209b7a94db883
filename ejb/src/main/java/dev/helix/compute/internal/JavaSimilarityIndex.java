package dev.helix.compute.internal;

import dev.helix.compute.model.ComputeBackend;
import dev.helix.compute.model.Similarity;

/** The plain-Java backend: a scalar dot product per row and query, the reference the others are tested against. */
final class JavaSimilarityIndex extends RowMajorIndex {

    JavaSimilarityIndex(int dimensions, Similarity similarity, int segmentRows) {
        super(dimensions, similarity, segmentRows);
    }

    @Override
    public ComputeBackend backend() {
        return ComputeBackend.JAVA;
    }

    @Override
    protected void scanRows(float[][] queries, float[] data, int from, int to, int base, TopK[] tops) {
        for (int r = from; r < to; r++) {
            if (isRemoved(base + r)) {
                continue;
            }
            int offset = r * dimensions;
            for (int q = 0; q < queries.length; q++) {
                float[] query = queries[q];
                float score = 0;
                for (int d = 0; d < dimensions; d++) {
                    score += query[d] * data[offset + d];
                }
                tops[q].offer(score, base + r);
            }
        }
    }
}
