package dev.helix.compute.model;

/** How a point is scored against the sliding window of points before it. */
public enum AnomalyMethod {
    /** {@code (x - mean) / standard deviation} of the window. */
    ZSCORE,
    /** {@code (x - median) / (1.4826 * median absolute deviation)} of the window: robust to earlier outliers. */
    ROBUST
}
