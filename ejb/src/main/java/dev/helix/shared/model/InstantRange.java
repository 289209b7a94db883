package dev.helix.shared.model;

import java.time.Instant;

/** The instants Helix takes from outside: from 1970 to the end of 9999, what every store and time computation takes. */
public final class InstantRange {

    /** The earliest instant taken. */
    public static final Instant EARLIEST = Instant.EPOCH;
    /** The latest instant taken. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private InstantRange() {
    }

    /** Whether the instant lies within the range. */
    public static boolean contains(Instant at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }
}
