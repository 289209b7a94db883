package dev.helix.compute.internal;

import com.aparapi.device.OpenCLDevice;
import dev.helix.compute.model.ComputeBackend;
import dev.helix.compute.model.Similarity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * The Aparapi/OpenCL backend: each segment's vectors stay in device memory between searches; a search uploads
 * only the queries (and what changed since the last search: the tail segment after appends, a segment's live
 * flags after removals) and reads back each block's k best. A kernel runs one call at a time, so searches
 * take turns.
 */
final class AparapiSimilarityIndex extends SegmentedIndex {

    /** Queries one kernel call scores; larger batches go in several calls. */
    static final int QUERY_CHUNK = 32;

    private final OpenCLDevice device;
    private final List<DeviceSegment> segments = new ArrayList<>();

    AparapiSimilarityIndex(OpenCLDevice device, int dimensions, Similarity similarity, int segmentRows) {
        super(dimensions, similarity, segmentRows);
        this.device = device;
    }

    @Override
    public ComputeBackend backend() {
        return ComputeBackend.APARAPI;
    }

    @Override
    protected void store(int row, float[] vector) {
        int segment = row / segmentRows;
        if (segment == segments.size()) {
            segments.add(new DeviceSegment(device, dimensions, segmentRows));
        }
        segments.get(segment).set(row % segmentRows, vector);
    }

    @Override
    protected void removed(int row) {
        segments.get(row / segmentRows).remove(row % segmentRows);
    }

    @Override
    protected Lock searchLock() {
        return exclusiveLock();
    }

    @Override
    protected TopK[] scan(float[][] queries, int k, int rows) {
        TopK[] tops = emptyTops(queries.length, k);
        for (int first = 0; first < queries.length; first += QUERY_CHUNK) {
            int count = Math.min(QUERY_CHUNK, queries.length - first);
            for (int s = 0; s < segments.size(); s++) {
                segments.get(s).search(queries, first, count, k, s * segmentRows, tops);
            }
        }
        return tops;
    }

    @Override
    public void close() {
        exclusiveLock().lock();
        try {
            segments.forEach(DeviceSegment::dispose);
            segments.clear();
        } finally {
            exclusiveLock().unlock();
        }
    }
}
