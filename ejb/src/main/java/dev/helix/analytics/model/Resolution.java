package dev.helix.analytics.model;

import dev.helix.shared.model.Choice;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The roll-up levels of a series: buckets of a minute, an hour or a day (UTC). */
public enum Resolution {
    MINUTE(ChronoUnit.MINUTES, Duration.ofHours(1)),
    HOUR(ChronoUnit.HOURS, Duration.ofDays(2)),
    DAY(ChronoUnit.DAYS, Duration.ofDays(60));

    private final ChronoUnit unit;
    private final Duration defaultRange;

    Resolution(ChronoUnit unit, Duration defaultRange) {
        this.unit = unit;
        this.defaultRange = defaultRange;
    }

    /** The start of the bucket {@code at} falls in. */
    public Instant bucketOf(Instant at) {
        return at.truncatedTo(unit);
    }

    /** The length of one bucket. */
    public Duration step() {
        return unit.getDuration();
    }

    /** How far back a query reaches when it names no start. */
    public Duration defaultRange() {
        return defaultRange;
    }

    /** Parses {@code minute}, {@code hour} or {@code day} (any case); anything else is a 422 naming the choices. */
    public static Resolution parse(String value) {
        return Choice.of(Resolution.class, value, "resolution");
    }

    /** How many buckets [from, to) touches, counted from the bucket {@code from} falls in. */
    public long bucketsBetween(Instant from, Instant to) {
        long step = step().toMillis();
        return (Duration.between(bucketOf(from), to).toMillis() + step - 1) / step;
    }

    /** The lower-case name used in URLs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
