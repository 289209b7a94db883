package dev.helix.analytics.model;

import java.time.Instant;

/**
 * A minute of a series that stood out in a scan: what was observed, what the window expected, the score, and
 * the severity its series' thresholds give it. It becomes an {@link Anomaly} unless that minute is known.
 */
public record Finding(Metric metric, Instant bucket, double observed, double expected, double score,
                      Anomaly.Severity severity) {
}
