package dev.helix.analytics.model;

import java.time.Instant;

/** The UCF index of one bucket of its history: the mean of each dimension's samples in the bucket. */
public record UcfReading(Instant at, double harmony, double resilience, double prana, double drishti, double klesha,
                         double zoom) {
}
