package dev.helix.compute.internal;

import com.aparapi.device.OpenCLDevice;
import java.util.Arrays;

/**
 * One segment of an {@link AparapiSimilarityIndex} and its {@link SimilarityKernel}. The vectors live in the
 * kernel's buffers on the device; they are uploaded again only when they changed (appends to a segment that
 * is not full yet), and the segment's capacity doubles as it fills, up to the segment size.
 */
final class DeviceSegment {


    private final OpenCLDevice device;
    private final SimilarityKernel kernel = new SimilarityKernel();
    private final int dimensions;
    private final int maxRows;
    private int rows;
    private boolean dataChanged = true;
    private boolean liveChanged = true;

    DeviceSegment(OpenCLDevice device, int dimensions, int maxRows) {
        this.device = device;
        this.dimensions = dimensions;
        this.maxRows = maxRows;
        int capacity = Math.min(maxRows, 1024);
        kernel.setExplicit(true);
        kernel.dimensions = dimensions;
        kernel.capacity = capacity;
        kernel.data = new float[dimensions * capacity];
        kernel.live = new int[capacity];
        kernel.queries = new float[AparapiSimilarityIndex.QUERY_CHUNK * dimensions];
    }

    void set(int row, float[] vector) {
        if (row >= kernel.capacity) {
            grow();
        }
        int capacity = kernel.capacity;
        for (int d = 0; d < dimensions; d++) {
            kernel.data[d * capacity + row] = vector[d];
        }
        kernel.live[row] = 1;
        rows = Math.max(rows, row + 1);
        dataChanged = true;
        liveChanged = true;
    }

    void remove(int row) {
        kernel.live[row] = 0;
        liveChanged = true;
    }

    /** Offers this segment's k best rows (global row {@code base + r}) for queries {@code [first, first + count)}. */
    void search(float[][] queries, int first, int count, int k, int base, TopK[] tops) {
        int blocks = (rows + SimilarityKernel.BLOCK_ROWS - 1) / SimilarityKernel.BLOCK_ROWS;
        prepare(count, k, blocks);
        for (int q = 0; q < count; q++) {
            System.arraycopy(queries[first + q], 0, kernel.queries, q * dimensions, dimensions);
        }
        kernel.put(kernel.queries);
        OpenClDevices.execute(kernel, device, count * rows, SimilarityKernel.PASSES, "similarity");
        kernel.get(kernel.bestScores);
        kernel.get(kernel.bestRows);
        int perQuery = blocks * k;
        for (int q = 0; q < count; q++) {
            for (int i = q * perQuery; i < (q + 1) * perQuery; i++) {
                int row = kernel.bestRows[i];
                if (row >= 0) {
                    tops[first + q].offer(kernel.bestScores[i], base + row);
                }
            }
        }
    }

    void dispose() {
        kernel.dispose();
    }

    private void prepare(int count, int k, int blocks) {
        kernel.rows = rows;
        kernel.queryCount = count;
        kernel.k = k;
        kernel.blocks = blocks;
        if (kernel.scores == null || kernel.scores.length < count * kernel.capacity) {
            kernel.scores = new float[AparapiSimilarityIndex.QUERY_CHUNK * kernel.capacity];
        }
        int candidates = count * blocks * k;
        if (kernel.bestScores == null || kernel.bestScores.length != candidates) {
            kernel.bestScores = new float[candidates];
            kernel.bestRows = new int[candidates];
        }
        if (dataChanged) {
            kernel.put(kernel.data);
            dataChanged = false;
        }
        if (liveChanged) {
            kernel.put(kernel.live);
            liveChanged = false;
        }
    }

    private void grow() {
        int old = kernel.capacity;
        int capacity = Math.min(maxRows, old * 2);
        float[] data = new float[dimensions * capacity];
        for (int d = 0; d < dimensions; d++) {
            System.arraycopy(kernel.data, d * old, data, d * capacity, rows);
        }
        kernel.capacity = capacity;
        kernel.data = data;
        kernel.live = Arrays.copyOf(kernel.live, capacity);
        kernel.scores = null;
    }

}
