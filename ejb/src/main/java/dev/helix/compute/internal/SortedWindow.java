package dev.helix.compute.internal;

import java.util.Arrays;

/**
 * A sliding window kept sorted: each slide removes the oldest value and inserts the newest (a binary search and
 * one array move each), the median is read in O(1) and the median absolute deviation by walking outwards from
 * the middle, W/2 steps, instead of sorting.
 */
final class SortedWindow {

    private final float[] sorted;
    private int size;

    SortedWindow(int capacity) {
        sorted = new float[capacity];
    }

    void clear() {
        size = 0;
    }

    void insert(float value) {
        int at = Arrays.binarySearch(sorted, 0, size, value);
        if (at < 0) {
            at = -at - 1;
        }
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = value;
        size++;
    }

    void remove(float value) {
        int at = Arrays.binarySearch(sorted, 0, size, value);
        System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
        size--;
    }

    float median() {
        int p = size / 2;
        return size % 2 == 1 ? sorted[p] : (sorted[p - 1] + sorted[p]) * 0.5f;
    }

    /**
     * The median of {@code |x - median|}. Left of the middle the deviations grow going down, right of it going
     * up: two sorted runs, merged from the middle until the median position of the merge is reached.
     */
    float medianDeviation(float median) {
        int p = size / 2;
        int left = p - 1;
        int right = p;
        float previous = 0;
        float current = 0;
        for (int h = 0; h <= p; h++) {
            float fromLeft = left >= 0 ? median - sorted[left] : Float.MAX_VALUE;
            float fromRight = right < size ? sorted[right] - median : Float.MAX_VALUE;
            previous = current;
            if (fromLeft <= fromRight) {
                current = fromLeft;
                left--;
            } else {
                current = fromRight;
                right++;
            }
        }
        return size % 2 == 1 ? current : (previous + current) * 0.5f;
    }
}
