package dev.helix.web.api;

import dev.helix.shared.model.InstantRange;
import dev.helix.shared.error.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads instants from query parameters: ISO-8601, absent when blank; malformed, or outside the years 1970 to
 * 9999 that every store and time computation takes, it is a 422 naming the parameter.
 */
public final class Instants {

    private Instants() {
    }

    public static Instant parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant at;
        try {
            at = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name + " must be an ISO-8601 instant such as 2026-11-21T10:00:00Z");
        }
        if (!InstantRange.contains(at)) {
            throw new InvalidInputException(name + " must lie between 1970 and 9999 (was " + value + ")");
        }
        return at;
    }
}
