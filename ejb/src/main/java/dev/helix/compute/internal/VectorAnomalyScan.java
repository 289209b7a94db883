package dev.helix.compute.internal;

import dev.helix.compute.model.AnomalyMethod;
import dev.helix.compute.model.AnomalyParameters;
import dev.helix.compute.model.AnomalyScan;
import dev.helix.compute.model.AnomalyScores;
import dev.helix.compute.model.ComputeBackend;
import dev.helix.compute.model.SeriesBlock;
import java.util.stream.IntStream;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Java Vector API backend. Z-scores: running sums of values and squares (in double) give every window's
 * mean and variance, computed for as many points at once as a SIMD register holds. Robust scores: a
 * {@link SortedWindow} slides along each series (the median and its deviation without sorting); that part is
 * sequential by nature and runs scalar.
 */
final class VectorAnomalyScan implements AnomalyScan {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Floats as many as {@link #SPECIES} has doubles: the shape scores are narrowed into. */
    private static final VectorSpecies<Float> NARROW =
            VectorSpecies.of(float.class, VectorShape.forBitSize(SPECIES.vectorBitSize() / 2));

    @Override
    public ComputeBackend backend() {
        return ComputeBackend.VECTOR;
    }

    @Override
    public AnomalyScores scan(SeriesBlock block, AnomalyParameters parameters) {
        float[] scores = new float[block.values().length];
        int chunk = 64;
        int chunks = (block.series() + chunk - 1) / chunk;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int end = Math.min(block.series(), (c + 1) * chunk);
            if (parameters.method() == AnomalyMethod.ZSCORE) {
                double[][] buffers = {new double[block.length()], new double[block.length() + 1],
                    new double[block.length() + 1]};
                for (int s = c * chunk; s < end; s++) {
                    zScores(block, parameters.window(), s, buffers, scores);
                }
            } else {
                SortedWindow window = new SortedWindow(parameters.window());
                for (int s = c * chunk; s < end; s++) {
                    robustScores(block, parameters.window(), s, window, scores);
                }
            }
        });
        return new AnomalyScores(block.series(), block.length(), parameters, scores);
    }

    private static void zScores(SeriesBlock block, int w, int s, double[][] buffers, float[] scores) {
        float[] values = block.values();
        double[] xs = buffers[0];
        double[] sums = buffers[1];
        double[] squares = buffers[2];
        int n = block.length();
        int base = s * n;
        for (int t = 0; t < n; t++) {
            double v = values[base + t];
            xs[t] = v;
            sums[t + 1] = sums[t] + v;
            squares[t + 1] = squares[t] + v * v;
        }
        int t = w;
        double inverse = 1.0 / w;
        for (; t + SPECIES.length() <= n; t += SPECIES.length()) {
            DoubleVector mean = DoubleVector.fromArray(SPECIES, sums, t)
                    .sub(DoubleVector.fromArray(SPECIES, sums, t - w)).mul(inverse);
            DoubleVector variance = DoubleVector.fromArray(SPECIES, squares, t)
                    .sub(DoubleVector.fromArray(SPECIES, squares, t - w)).mul(inverse)
                    .sub(mean.mul(mean)).max(0.0);
            DoubleVector floor = mean.abs().add(1.0).mul(1e-6);
            DoubleVector score = DoubleVector.fromArray(SPECIES, xs, t).sub(mean)
                    .div(variance.lanewise(VectorOperators.SQRT).max(floor));
            ((FloatVector) score.castShape(NARROW, 0)).intoArray(scores, base + t);
        }
        for (; t < n; t++) {
            double mean = (sums[t] - sums[t - w]) * inverse;
            double variance = Math.max(0, (squares[t] - squares[t - w]) * inverse - mean * mean);
            scores[base + t] = WindowScore.of(values[base + t], (float) mean, (float) Math.sqrt(variance));
        }
    }

    private static void robustScores(SeriesBlock block, int w, int s, SortedWindow window, float[] scores) {
        float[] values = block.values();
        int n = block.length();
        int base = s * n;
        window.clear();
        for (int t = 0; t < Math.min(w, n); t++) {
            window.insert(values[base + t]);
        }
        for (int t = w; t < n; t++) {
            float median = window.median();
            float spread = WindowScore.MAD_SCALE * window.medianDeviation(median);
            scores[base + t] = WindowScore.of(values[base + t], median, spread);
            window.remove(values[base + t - w]);
            window.insert(values[base + t]);
        }
    }
}
