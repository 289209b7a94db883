package dev.helix.analytics.model;

/** How the samples in one bucket of a series make the bucket's value. */
public enum Aggregation {
    /** Counts that add up: the value is the samples' sum (tasks completed in the minute). */
    SUM,
    /** Levels and durations: the value is the samples' mean (queue depth, latency). */
    MEAN;

    /** The value of a bucket of {@code samples} samples adding up to {@code total}. */
    public double value(long samples, double total) {
        if (this == SUM) {
            return total;
        }
        return samples == 0 ? 0 : total / samples;
    }
}
