package dev.helix.compute.internal;

import dev.helix.compute.model.Similarity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The CPU backends' storage: each segment one float array, row after row, grown by doubling until full.
 * A search splits the rows into chunks scanned in parallel, each into its own top-k, merged at the end.
 */
abstract class RowMajorIndex extends SegmentedIndex {

    /** Rows one task scans; a segment holds a whole number of chunks. */
    private static final int CHUNK_ROWS = 4096;

    private final List<float[]> segments = new ArrayList<>();

    protected RowMajorIndex(int dimensions, Similarity similarity, int segmentRows) {
        super(dimensions, similarity, segmentRows);
    }

    @Override
    protected void store(int row, float[] vector) {
        int segment = row / segmentRows;
        int local = row % segmentRows;
        if (segment == segments.size()) {
            segments.add(new float[Math.min(segmentRows, 16) * dimensions]);
        }
        float[] data = segments.get(segment);
        if ((local + 1) * dimensions > data.length) {
            data = Arrays.copyOf(data, Math.min(segmentRows, 2 * data.length / dimensions) * dimensions);
            segments.set(segment, data);
        }
        System.arraycopy(vector, 0, data, local * dimensions, dimensions);
    }

    @Override
    protected TopK[] scan(float[][] queries, int k, int rows) {
        int chunkRows = Math.min(CHUNK_ROWS, segmentRows);
        int chunks = (rows + chunkRows - 1) / chunkRows;
        IntStream chunkIndexes = IntStream.range(0, chunks);
        if (chunks > 1) {
            chunkIndexes = chunkIndexes.parallel();
        }
        return chunkIndexes.mapToObj(c -> {
            TopK[] tops = emptyTops(queries.length, k);
            int first = c * chunkRows;
            int segment = first / segmentRows;
            int from = first % segmentRows;
            int to = Math.min(from + chunkRows, rows - segment * segmentRows);
            scanRows(queries, segments.get(segment), from, to, segment * segmentRows, tops);
            return tops;
        }).reduce((a, b) -> {
            for (int q = 0; q < a.length; q++) {
                a[q].merge(b[q]);
            }
            return a;
        }).orElseThrow();
    }

    /** Holds nothing outside the Java heap. */
    @Override
    public void close() {
    }

    /**
     * Offers rows {@code [from, to)} of one segment (global row {@code base + r}) to each query's top-k,
     * skipping removed rows.
     */
    protected abstract void scanRows(float[][] queries, float[] data, int from, int to, int base, TopK[] tops);
}
