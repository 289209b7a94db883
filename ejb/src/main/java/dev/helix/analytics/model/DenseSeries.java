package dev.helix.analytics.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Lays the stored buckets of a series (absent where nothing was sampled) out as one value per bucket of a
 * range: a bucket a summed series lacks is 0 (nothing happened), one an averaged series lacks repeats the value
 * before it (the level did not change), and leading gaps take the first value seen.
 */
public final class DenseSeries {

    private DenseSeries() {
    }

    /** One value per bucket of [from, from + buckets × step). */
    public static double[] of(Metric metric, List<SeriesPoint> points, Resolution resolution, Instant from, int buckets) {
        double[] values = new double[buckets];
        boolean[] seen = new boolean[buckets];
        long step = resolution.step().toMillis();
        for (SeriesPoint point : points) {
            long index = Duration.between(from, point.at()).toMillis() / step;
            if (index >= 0 && index < buckets) {
                values[(int) index] = point.value();
                seen[(int) index] = true;
            }
        }
        if (metric.aggregation() == Aggregation.MEAN && !points.isEmpty()) {
            double last = points.get(0).value();
            for (int i = 0; i < buckets; i++) {
                if (seen[i]) {
                    last = values[i];
                } else {
                    values[i] = last;
                }
            }
        }
        return values;
    }
}
