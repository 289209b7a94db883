package dev.helix.compute.internal;

import dev.helix.compute.model.AnomalyMethod;
import dev.helix.compute.model.AnomalyParameters;
import dev.helix.compute.model.AnomalyScan;
import dev.helix.compute.model.AnomalyScores;
import dev.helix.compute.model.ComputeBackend;
import dev.helix.compute.model.SeriesBlock;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The plain-Java reference: every window computed from scratch (two-pass mean and deviation in double; for the
 * robust variant the window sorted, then its deviations sorted). Slow and plainly right.
 */
final class JavaAnomalyScan implements AnomalyScan {

    @Override
    public ComputeBackend backend() {
        return ComputeBackend.JAVA;
    }

    @Override
    public AnomalyScores scan(SeriesBlock block, AnomalyParameters parameters) {
        float[] scores = new float[block.values().length];
        IntStream.range(0, block.series()).parallel().forEach(s -> scoreSeries(block, parameters, s, scores));
        return new AnomalyScores(block.series(), block.length(), parameters, scores);
    }

    private static void scoreSeries(SeriesBlock block, AnomalyParameters parameters, int s, float[] scores) {
        int w = parameters.window();
        float[] window = new float[w];
        float[] deviations = new float[w];
        int base = s * block.length();
        for (int t = w; t < block.length(); t++) {
            System.arraycopy(block.values(), base + t - w, window, 0, w);
            float x = block.values()[base + t];
            if (parameters.method() == AnomalyMethod.ZSCORE) {
                double mean = 0;
                for (float v : window) {
                    mean += v;
                }
                mean /= w;
                double squares = 0;
                for (float v : window) {
                    squares += (v - mean) * (v - mean);
                }
                scores[base + t] = WindowScore.of(x, (float) mean, (float) Math.sqrt(squares / w));
            } else {
                float median = median(window);
                for (int i = 0; i < w; i++) {
                    deviations[i] = Math.abs(window[i] - median);
                }
                scores[base + t] = WindowScore.of(x, median, WindowScore.MAD_SCALE * median(deviations));
            }
        }
    }

    private static float median(float[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) * 0.5f;
    }
}
