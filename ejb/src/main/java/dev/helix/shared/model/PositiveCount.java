package dev.helix.shared.model;

import java.util.logging.Logger;

/**
 * A count setting that only makes sense when positive (a budget, a threshold): a zero or negative value configured
 * for it is reported once, when the component that reads it is created, and its default is used instead, as
 * {@link PositiveDuration} does for intervals.
 */
public final class PositiveCount {

    private static final Logger LOG = Logger.getLogger(PositiveCount.class.getName());

    private PositiveCount() {
    }

    /** The configured value, or the fallback (logged under the setting's name) when it is not positive. */
    public static long checked(String property, long configured, long fallback) {
        if (configured > 0) {
            return configured;
        }
        LOG.severe(() -> property + " must be positive, not " + configured + "; using " + fallback);
        return fallback;
    }
}
