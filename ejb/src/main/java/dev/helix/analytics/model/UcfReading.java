package dev.helix.analytics.model;

import java.time.Instant;

/** The UCF index of one bucket of its history: the mean of each dimension's samples in the bucket. */
public record UcfReading(Instant at, double harmony, double resilience, double prana, double drishti, double klesha,
                         double zoom) {

    /** The reading of one dimension. */
    public double valueOf(Metric dimension) {
        return switch (dimension) {
            case UCF_HARMONY -> harmony;
            case UCF_RESILIENCE -> resilience;
            case UCF_PRANA -> prana;
            case UCF_DRISHTI -> drishti;
            case UCF_KLESHA -> klesha;
            case UCF_ZOOM -> zoom;
            default -> throw new IllegalArgumentException(dimension + " is not a UCF dimension");
        };
    }
}
