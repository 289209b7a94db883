package dev.helix.webhooks.model;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: after 5 s, then twice as long each time up to an hour, each pause spread by
 * up to a fifth either way (jitter, so that a receiver coming back is not hit by every retry at once); a delivery is
 * tried for a day.
 */
public final class RetrySchedule {

    public static final Duration GIVE_UP_AFTER = Duration.ofDays(1);
    static final Duration FIRST_PAUSE = Duration.ofSeconds(5);
    static final Duration LONGEST_PAUSE = Duration.ofHours(1);
    private static final double JITTER = 0.2;

    private final DoubleSupplier random;

    /** @param random numbers in {@code [0, 1)}, e.g. {@code Math::random} */
    public RetrySchedule(DoubleSupplier random) {
        this.random = random;
    }

    /** The pause after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration pauseAfter(int attempts) {
        long base = FIRST_PAUSE.toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(base, LONGEST_PAUSE.toMillis());
        double spread = 1 + JITTER * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(capped * spread));
    }

    /** The next attempt's time, or null when the delivery's day is over before it. */
    public Instant nextAttempt(Instant now, int attempts, Instant giveUpAt) {
        Instant next = now.plus(pauseAfter(attempts));
        return next.isAfter(giveUpAt) ? null : next;
    }
}
