package dev.helix.analytics.model;

/** A series in the catalogue: the metric and its newest minute, if it has been measured. */
public record SeriesSummary(Metric metric, SeriesPoint latest) {
}
