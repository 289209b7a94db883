package dev.helix.shared.model;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * A duration setting that only makes sense when positive (an interval, a timeout): a zero or negative value
 * configured for it is reported once, when the component that reads it is created, and its default is used instead,
 * rather than the server polling without pause or taking everything for overdue.
 */
public final class PositiveDuration {

    private static final Logger LOG = Logger.getLogger(PositiveDuration.class.getName());

    private PositiveDuration() {
    }

    /** The configured value, or the fallback when it is not positive. */
    public static Duration orDefault(Duration configured, Duration fallback) {
        return configured.isNegative() || configured.isZero() ? fallback : configured;
    }

    /** As {@link #orDefault}, and logs the replaced value under the setting's name. */
    public static Duration checked(String property, Duration configured, Duration fallback) {
        Duration effective = orDefault(configured, fallback);
        if (!effective.equals(configured)) {
            LOG.severe(() -> property + " must be positive, not " + configured + "; using " + fallback);
        }
        return effective;
    }
}
