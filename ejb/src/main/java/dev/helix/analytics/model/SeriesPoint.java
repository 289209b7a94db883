package dev.helix.analytics.model;

import java.time.Instant;

/**
 * One bucket of a series as read: its start, its value (sum or mean, as the metric aggregates), and the count,
 * least and greatest of its samples.
 */
public record SeriesPoint(Instant at, double value, long samples, double least, double greatest) {
}
