package dev.helix.compute.internal;

/**
 * The k best (score, row) pairs seen so far: a bounded heap whose root is the worst kept. A higher score is
 * better; of equal scores the lower row is better, so every backend breaks ties the same way.
 */
final class TopK {

    private final float[] scores;
    private final int[] rows;
    private int size;

    TopK(int k) {
        scores = new float[k];
        rows = new int[k];
    }

    /** Keeps the pair if it is among the k best so far. */
    void offer(float score, int row) {
        if (size < scores.length) {
            int i = size++;
            scores[i] = score;
            rows[i] = row;
            siftUp(i);
        } else if (better(score, row, scores[0], rows[0])) {
            scores[0] = score;
            rows[0] = row;
            siftDown(0);
        }
    }

    /** Keeps the best of another collector's pairs too. */
    void merge(TopK other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.scores[i], other.rows[i]);
        }
    }

    int size() {
        return size;
    }

    /** The kept rows, best first; {@code scoresOut} receives their scores in the same order. */
    int[] sortedRows(float[] scoresOut) {
        int n = size;
        float[] s = scores.clone();
        int[] r = rows.clone();
        int[] sorted = new int[n];
        // Pop the worst to the back, n times: heap sort of the kept pairs.
        for (int end = n - 1; end >= 0; end--) {
            sorted[end] = r[0];
            scoresOut[end] = s[0];
            s[0] = s[end];
            r[0] = r[end];
            siftDown(s, r, 0, end);
        }
        return sorted;
    }

    private static boolean better(float score, int row, float thanScore, int thanRow) {
        return score > thanScore || (score == thanScore && row < thanRow);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(scores[parent], rows[parent], scores[i], rows[i])) {
                break;
            }
            swap(scores, rows, i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        siftDown(scores, rows, i, size);
    }

    private static void siftDown(float[] s, int[] r, int i, int n) {
        while (true) {
            int worst = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < n && better(s[worst], r[worst], s[left], r[left])) {
                worst = left;
            }
            if (right < n && better(s[worst], r[worst], s[right], r[right])) {
                worst = right;
            }
            if (worst == i) {
                return;
            }
            swap(s, r, i, worst);
            i = worst;
        }
    }

    private static void swap(float[] s, int[] r, int a, int b) {
        float ts = s[a];
        s[a] = s[b];
        s[b] = ts;
        int tr = r[a];
        r[a] = r[b];
        r[b] = tr;
    }
}
