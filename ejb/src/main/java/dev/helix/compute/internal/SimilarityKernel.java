package dev.helix.compute.internal;

import com.aparapi.Kernel;
import dev.helix.compute.model.SimilarityIndex;

/**
 * The OpenCL similarity kernel of one segment, in two passes of one call (so the scores between them never
 * leave the device, and the Java arrays stay pinned throughout). {@link #SCORE}: one work-item per (query, row)
 * computes a dot product; rows are stored dimension by dimension ({@code data[d * capacity + row]}) so that
 * neighbouring work-items read neighbouring addresses. {@link #SELECT}: one work-item per (query, block of
 * {@link #BLOCK_ROWS} rows) keeps that block's k best in private memory, the other work-items of the range rest;
 * the host merges the blocks' bests.
 * Removed rows score {@code -Float.MAX_VALUE} and the host drops them.
 *
 * <p>Compiled with debug information (Aparapi needs the local variable table to translate it).
 */
final class SimilarityKernel extends Kernel {

    static final int SCORE = 0;
    static final int SELECT = 1;
    static final int PASSES = 2;
    static final int BLOCK_ROWS = 1024;
    static final float REMOVED = -Float.MAX_VALUE;

    float[] data;
    int[] live;
    float[] queries;
    float[] scores;
    float[] bestScores;
    int[] bestRows;
    int dimensions;
    int capacity;
    int rows;
    int queryCount;
    int k;
    int blocks;

    @PrivateMemorySpace(SimilarityIndex.MAX_K)
    final float[] keptScores = new float[SimilarityIndex.MAX_K];

    @PrivateMemorySpace(SimilarityIndex.MAX_K)
    final int[] keptRows = new int[SimilarityIndex.MAX_K];

    @Override
    public void run() {
        if (getPassId() == SCORE) {
            score(getGlobalId());
        } else {
            select(getGlobalId());
        }
    }

    private void score(int item) {
        if (item < queryCount * rows) {
            int q = item / rows;
            int row = item - q * rows;
            float sum = REMOVED;
            if (live[row] == 1) {
                sum = 0f;
                int queryOffset = q * dimensions;
                for (int d = 0; d < dimensions; d++) {
                    sum += queries[queryOffset + d] * data[d * capacity + row];
                }
            }
            scores[q * capacity + row] = sum;
        }
    }

    private void select(int item) {
        if (item < queryCount * blocks) {
            int q = item / blocks;
            int block = item - q * blocks;
            for (int i = 0; i < k; i++) {
                keptScores[i] = REMOVED;
                keptRows[i] = -1;
            }
            int first = block * BLOCK_ROWS;
            int end = min(first + BLOCK_ROWS, rows);
            for (int row = first; row < end; row++) {
                float s = scores[q * capacity + row];
                // Strictly better than the worst kept: of equal scores the earlier row stays.
                if (s > keptScores[k - 1]) {
                    int i = k - 1;
                    while (i > 0 && keptScores[i - 1] < s) {
                        keptScores[i] = keptScores[i - 1];
                        keptRows[i] = keptRows[i - 1];
                        i--;
                    }
                    keptScores[i] = s;
                    keptRows[i] = row;
                }
            }
            int out = item * k;
            for (int i = 0; i < k; i++) {
                bestScores[out + i] = keptScores[i];
                bestRows[out + i] = keptRows[i];
            }
        }
    }
}
