package dev.helix.analytics.model;

import java.time.Instant;

/** A value a forecast expects for the bucket starting at {@code at}. */
public record ForecastPoint(Instant at, double value) {
}
