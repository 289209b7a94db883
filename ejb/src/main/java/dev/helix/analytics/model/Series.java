package dev.helix.analytics.model;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A series over a range at one resolution: its buckets oldest first (buckets without samples are absent), its
 * trend, and a forecast of the next buckets when one was asked for.
 */
public record Series(Metric metric, Resolution resolution, Instant from, Instant to, List<SeriesPoint> points, Trend trend,
                     Forecast forecast) {

    /** One value per bucket from {@code from} up to {@code to}, the gaps filled as {@link DenseSeries} does. */
    public double[] values() {
        return DenseSeries.of(metric, points, resolution, from, Math.toIntExact(resolution.bucketsBetween(from, to)));
    }

    /** The start of each bucket {@link #values()} holds a value for. */
    public List<Instant> buckets() {
        return IntStream.range(0, Math.toIntExact(resolution.bucketsBetween(from, to))).mapToObj(i -> from.plus(resolution.step().multipliedBy(i)))
                .toList();
    }
}
