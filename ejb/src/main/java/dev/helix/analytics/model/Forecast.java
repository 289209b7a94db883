package dev.helix.analytics.model;

import java.util.List;

/** The values a method expects for the buckets after the last one read. */
public record Forecast(ForecastMethod method, List<ForecastPoint> points) {
}
