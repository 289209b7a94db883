package dev.helix.analytics.model;

import java.time.Instant;
import java.util.List;

/**
 * A report over [from, to) at one resolution: every series with its trend, the UCF index now and over the
 * range, and the anomalies found in the range. Rendered as CSV, JSON or PDF at the edge.
 */
public record AnalyticsReport(Instant generatedAt, Instant from, Instant to, Resolution resolution, List<Series> series,
                              UcfIndex ucf, List<UcfReading> ucfHistory, List<Anomaly> anomalies) {

    /** The most anomalies a report lists. */
    public static final int MAX_ANOMALIES = 500;
}
