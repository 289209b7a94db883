package dev.helix.compute.internal;

import com.aparapi.Kernel;

/**
 * OpenCL z-scores: one work-item per point, mean and deviation of its window in two passes over the window
 * (in float, which a GPU does fastest). Points before the first full window keep score 0.
 */
final class ZScoreKernel extends Kernel {

    float[] values;
    float[] scores;
    int series;
    int length;
    int window;

    @Override
    public void run() {
        int item = getGlobalId();
        if (item < series * length) {
            int t = item % length;
            if (t >= window) {
                float sum = 0f;
                for (int i = item - window; i < item; i++) {
                    sum += values[i];
                }
                float mean = sum / window;
                float squares = 0f;
                for (int i = item - window; i < item; i++) {
                    float d = values[i] - mean;
                    squares += d * d;
                }
                float spread = max(sqrt(squares / window), 1e-6f * (1f + abs(mean)));
                scores[item] = (values[item] - mean) / spread;
            }
        }
    }
}
