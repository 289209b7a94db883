package dev.helix.compute.model;

/**
 * What an anomaly scan computes: each point is scored against the {@code window} points just before it, and
 * flagged when the score's magnitude reaches {@code threshold}.
 */
public record AnomalyParameters(int window, AnomalyMethod method, float threshold) {

    /** The longest window the kernels support. */
    public static final int MAX_WINDOW = 256;

    public AnomalyParameters {
        if (window < 2 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("The window must hold 2 to " + MAX_WINDOW + " points, not " + window);
        }
        if (method == null) {
            throw new IllegalArgumentException("An anomaly method is required");
        }
        if (!(threshold > 0) || Float.isInfinite(threshold)) {
            throw new IllegalArgumentException("The threshold must be a positive number, not " + threshold);
        }
    }
}
