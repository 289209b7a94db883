package dev.helix.spirals.model.definition;

import java.util.random.RandomGenerator;

/**
 * How often a step is tried and how long to wait in between: exponential back-off ({@code backoffMillis},
 * doubling per attempt, at most {@code maxBackoffMillis}) with jitter (each wait shortened by a random share of
 * up to {@code jitter}, so retries of many runs do not fall into step).
 *
 * @param maxAttempts      1 (no retry) to 10
 * @param backoffMillis    wait before the second attempt
 * @param maxBackoffMillis longest wait
 * @param jitter           0 to 1
 */
public record RetryPolicy(int maxAttempts, long backoffMillis, long maxBackoffMillis, double jitter) {

    /** One attempt, no retry: the default. */
    public static final RetryPolicy NONE = new RetryPolicy(1, 0, 0, 0);

    /** The wait before attempt {@code attempt} (2 or later). */
    public long delayBefore(int attempt, RandomGenerator random) {
        double exponential = backoffMillis * Math.pow(2, Math.max(0, attempt - 2));
        double capped = Math.min(exponential, maxBackoffMillis);
        return Math.round(capped * (1 - jitter * random.nextDouble()));
    }
}
