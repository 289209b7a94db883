package dev.helix.analytics.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenseSeriesTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private static SeriesPoint at(int minute, double value) {
        return new SeriesPoint(T0.plusSeconds(60L * minute), value, 1, value, value);
    }

    @Test
    void aSummedSeriesCountsAMissingMinuteAsNothingHappening() {
        double[] values = DenseSeries.of(Metric.TASKS_COMPLETED, List.of(at(1, 4), at(3, 2)), Resolution.MINUTE, T0, 5);
        assertArrayEquals(new double[] {0, 4, 0, 2, 0}, values);
    }

    @Test
    void anAveragedSeriesKeepsItsLevelThroughAGapAndStartsAtItsFirstValue() {
        double[] values = DenseSeries.of(Metric.QUEUE_DEPTH, List.of(at(1, 4), at(3, 2)), Resolution.MINUTE, T0, 5);
        assertArrayEquals(new double[] {4, 4, 4, 2, 2}, values);
    }

    @Test
    void pointsOutsideTheRangeAreLeftOutAndNoPointsAreZeros() {
        assertArrayEquals(new double[] {0, 0}, DenseSeries.of(Metric.QUEUE_DEPTH, List.of(), Resolution.MINUTE, T0, 2));
        assertArrayEquals(new double[] {5, 0}, DenseSeries.of(Metric.TASKS_CREATED, List.of(at(-1, 9), at(0, 5), at(2, 7)),
                Resolution.MINUTE, T0, 2));
    }

    @Test
    void aSeriesFillsEveryBucketOfItsRange() {
        Series series = new Series(Metric.TASKS_CREATED, Resolution.HOUR, T0, T0.plusSeconds(3 * 3600 + 1),
                List.of(new SeriesPoint(T0.plusSeconds(3600), 6, 1, 6, 6)), null, null);
        assertArrayEquals(new double[] {0, 6, 0, 0}, series.values());
        assertArrayEquals(new Instant[] {T0, T0.plusSeconds(3600), T0.plusSeconds(7200), T0.plusSeconds(10800)},
                series.buckets().toArray());
    }
}
