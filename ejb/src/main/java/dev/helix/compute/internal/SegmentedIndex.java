package dev.helix.compute.internal;

import dev.helix.compute.model.Match;
import dev.helix.compute.model.Similarity;
import dev.helix.compute.model.SimilarityIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * What every backend's index shares: vectors numbered by row in insertion order and kept in fixed-size
 * segments (a full segment never changes again, so growing never copies it), ids by row, removed rows,
 * input checks, normalisation for cosine, and locking. Backends store rows and scan them.
 */
abstract class SegmentedIndex implements SimilarityIndex {

    /** Bytes of vector data a segment holds at most, which fixes its rows for a given dimension. */
    static final long SEGMENT_BYTES = 256L << 20;

    protected final int dimensions;
    protected final int segmentRows;
    private final Similarity similarity;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Long, Integer> rowOfId = new HashMap<>();
    private final BitSet removed = new BitSet();
    private long[] ids = new long[16];
    private int rows;

    protected SegmentedIndex(int dimensions, Similarity similarity, int segmentRows) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("Vectors need at least one dimension");
        }
        if (segmentRows < 1 || Integer.bitCount(segmentRows) != 1) {
            throw new IllegalArgumentException("Segment rows must be a power of two, not " + segmentRows);
        }
        this.dimensions = dimensions;
        this.similarity = similarity;
        this.segmentRows = segmentRows;
    }

    /** The rows per segment that keep a segment within {@link #SEGMENT_BYTES}: a power of two, at least 1024. */
    static int defaultSegmentRows(int dimensions) {
        long fit = SEGMENT_BYTES / Float.BYTES / dimensions;
        return Math.max(1024, Integer.highestOneBit((int) Math.min(fit, 1 << 30)));
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public Similarity similarity() {
        return similarity;
    }

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            return rowOfId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void add(long id, float[] vector) {
        float[] prepared = prepare(vector, "vector");
        lock.writeLock().lock();
        try {
            Integer previous = rowOfId.get(id);
            if (previous != null) {
                markRemoved(previous);
            }
            int row = rows;
            store(row, prepared);
            if (row == ids.length) {
                ids = Arrays.copyOf(ids, row * 2);
            }
            ids[row] = id;
            rowOfId.put(id, row);
            rows = row + 1;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean contains(long id) {
        lock.readLock().lock();
        try {
            return rowOfId.containsKey(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public boolean remove(long id) {
        lock.writeLock().lock();
        try {
            Integer row = rowOfId.remove(id);
            if (row == null) {
                return false;
            }
            markRemoved(row);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<List<Match>> search(float[][] queries, int k) {
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k must be 1 to " + MAX_K + ", not " + k);
        }
        if (queries.length == 0) {
            return List.of();
        }
        float[][] prepared = new float[queries.length][];
        for (int q = 0; q < queries.length; q++) {
            prepared[q] = prepare(queries[q], "query");
        }
        Lock searching = searchLock();
        searching.lock();
        try {
            TopK[] tops = rows == 0 ? emptyTops(queries.length, k) : scan(prepared, k, rows);
            List<List<Match>> results = new ArrayList<>(tops.length);
            for (TopK top : tops) {
                results.add(matches(top));
            }
            return results;
        } finally {
            searching.unlock();
        }
    }

    /** Stores a checked (and for cosine normalised) vector at the next row. Called under the write lock. */
    protected abstract void store(int row, float[] vector);

    /** Called under the write lock when a row's vector is removed or replaced. */
    protected void removed(int row) {
    }

    /** The k best rows for each query among rows {@code [0, rows)}; removed rows must not be among them. */
    protected abstract TopK[] scan(float[][] queries, int k, int rows);

    /** The lock a search holds: shared by default; a backend whose scans cannot overlap takes the write lock. */
    protected Lock searchLock() {
        return lock.readLock();
    }

    protected final Lock exclusiveLock() {
        return lock.writeLock();
    }

    protected final boolean isRemoved(int row) {
        return removed.get(row);
    }

    static TopK[] emptyTops(int queries, int k) {
        TopK[] tops = new TopK[queries];
        for (int q = 0; q < queries; q++) {
            tops[q] = new TopK(k);
        }
        return tops;
    }

    private void markRemoved(int row) {
        removed.set(row);
        removed(row);
    }

    private List<Match> matches(TopK top) {
        float[] scores = new float[top.size()];
        int[] sorted = top.sortedRows(scores);
        List<Match> matches = new ArrayList<>(sorted.length);
        for (int i = 0; i < sorted.length; i++) {
            matches.add(new Match(ids[sorted[i]], scores[i]));
        }
        return matches;
    }

    private float[] prepare(float[] vector, String what) {
        if (vector == null || vector.length != dimensions) {
            throw new IllegalArgumentException("A " + what + " must have " + dimensions + " components, not "
                    + (vector == null ? "none" : vector.length));
        }
        double squares = 0;
        for (float v : vector) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("A " + what + "'s components must be finite numbers, found " + v);
            }
            squares += (double) v * v;
        }
        if (similarity == Similarity.INNER_PRODUCT) {
            return vector; // read only: store() copies it into the segment, a search only reads it
        }
        if (squares == 0) {
            throw new IllegalArgumentException("A " + what + " of zeros has no direction to compare by cosine");
        }
        float scale = (float) (1 / Math.sqrt(squares));
        float[] unit = new float[dimensions];
        for (int d = 0; d < dimensions; d++) {
            unit[d] = vector[d] * scale;
        }
        return unit;
    }
}
