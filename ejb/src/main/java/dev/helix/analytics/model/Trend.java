package dev.helix.analytics.model;

/**
 * Where a series is heading: the slope of its least-squares line per bucket and per hour, and the direction
 * that slope means once it is set against the series' own level (a change of under 1 % of the mean level
 * over the whole range is flat).
 */
public record Trend(double slopePerBucket, double slopePerHour, Direction direction) {

    /** The direction of a trend. */
    public enum Direction {
        RISING, FALLING, FLAT
    }
}
