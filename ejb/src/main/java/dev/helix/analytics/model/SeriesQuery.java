package dev.helix.analytics.model;

import dev.helix.shared.error.InvalidInputException;
import java.time.Instant;

/**
 * A range of a series to read: [from, to) at a resolution, optionally forecast {@code horizon} buckets ahead.
 * A missing end is now, a missing start the resolution's default range before the end; a range may span at
 * most {@value #MAX_BUCKETS} buckets, a forecast at most {@value #MAX_HORIZON}.
 */
public record SeriesQuery(Instant from, Instant to, Resolution resolution, int horizon, ForecastMethod method) {

    /** The most buckets one query reads. */
    public static final int MAX_BUCKETS = 10_000;
    /** The most buckets a forecast reaches ahead. */
    public static final int MAX_HORIZON = 1_000;

    public SeriesQuery {
        if (!from.isBefore(to)) {
            throw new InvalidInputException("from (" + from + ") must be before to (" + to + ")");
        }
        if (resolution.bucketsBetween(from, to) > MAX_BUCKETS) {
            throw new InvalidInputException("The range spans more than " + MAX_BUCKETS + " " + resolution.label()
                    + " buckets; choose a coarser resolution or a shorter range");
        }
        if (horizon < 0 || horizon > MAX_HORIZON) {
            throw new InvalidInputException("forecast must be 0 to " + MAX_HORIZON + " buckets, not " + horizon);
        }
    }

    /** A query with defaults filled in: the end now, the start the resolution's default range before it. */
    public static SeriesQuery of(Instant from, Instant to, Resolution resolution, int horizon, ForecastMethod method,
                                 Instant now) {
        Instant end = to == null ? now : to;
        return new SeriesQuery(from == null ? end.minus(resolution.defaultRange()) : from, end, resolution, horizon,
                method == null ? ForecastMethod.HOLT : method);
    }

    /** The buckets the range holds, its first bucket being the one {@code from} falls in. */
    public int buckets() {
        return (int) resolution.bucketsBetween(from, to);
    }
}
