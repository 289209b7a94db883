package dev.helix.compute.internal;

import com.aparapi.Kernel;
import dev.helix.compute.model.AnomalyParameters;

/**
 * OpenCL robust scores: one work-item per series slides a sorted window (in private memory) along it, reading
 * the median and the median absolute deviation the way {@link SortedWindow} does.
 */
final class RobustScoreKernel extends Kernel {

    float[] values;
    float[] scores;
    int series;
    int length;
    int window;

    @PrivateMemorySpace(AnomalyParameters.MAX_WINDOW)
    final float[] sorted = new float[AnomalyParameters.MAX_WINDOW];

    @Override
    public void run() {
        int s = getGlobalId();
        if (s < series) {
            int base = s * length;
            int filled = min(window, length);
            for (int i = 0; i < filled; i++) {
                insert(values[base + i], i);
            }
            int p = window / 2;
            for (int t = window; t < length; t++) {
                float median = sorted[p];
                if (window % 2 == 0) {
                    median = (sorted[p - 1] + sorted[p]) * 0.5f;
                }
                float spread = 1.4826f * medianDeviation(median, p);
                scores[base + t] = (values[base + t] - median) / max(spread, 1e-6f * (1f + abs(median)));
                removeValue(values[base + t - window]);
                insert(values[base + t], window - 1);
            }
        }
    }

    /** Inserts into the first {@code size} sorted values. */
    private void insert(float value, int size) {
        int i = size;
        while (i > 0 && sorted[i - 1] > value) {
            sorted[i] = sorted[i - 1];
            i--;
        }
        sorted[i] = value;
    }

    private void removeValue(float value) {
        int i = 0;
        while (sorted[i] != value) {
            i++;
        }
        for (int j = i; j < window - 1; j++) {
            sorted[j] = sorted[j + 1];
        }
    }

    private float medianDeviation(float median, int p) {
        int left = p - 1;
        int right = p;
        float previous = 0f;
        float current = 0f;
        for (int h = 0; h <= p; h++) {
            float fromLeft = Float.MAX_VALUE;
            if (left >= 0) {
                fromLeft = median - sorted[left];
            }
            float fromRight = Float.MAX_VALUE;
            if (right < window) {
                fromRight = sorted[right] - median;
            }
            previous = current;
            if (fromLeft <= fromRight) {
                current = fromLeft;
                left--;
            } else {
                current = fromRight;
                right++;
            }
        }
        float deviation = current;
        if (window % 2 == 0) {
            deviation = (previous + current) * 0.5f;
        }
        return deviation;
    }
}
