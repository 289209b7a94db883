package dev.helix.compute.model;

/**
 * Many time series of equal length, laid out one after another: point {@code t} of series {@code s} is
 * {@code values[s * length + t]}.
 */
public record SeriesBlock(int series, int length, float[] values) {

    public SeriesBlock {
        if (series < 1 || length < 1) {
            throw new IllegalArgumentException("A block needs at least one series of at least one point");
        }
        if (values == null || values.length != (long) series * length) {
            throw new IllegalArgumentException("Expected " + (long) series * length + " values for " + series
                    + " series of " + length + " points");
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("Series values must be finite numbers, found " + v);
            }
        }
    }

    public float value(int s, int t) {
        return values[s * length + t];
    }
}
