package dev.helix.spirals.model.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    /** A random generator whose every {@code nextDouble()} is {@code value}. */
    private static RandomGenerator always(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    private static final RandomGenerator NO_JITTER = always(0.0);
    private static final RandomGenerator MOST_JITTER = always(Math.nextDown(1.0));

    @Test
    void doublesTheWaitWithEachAttempt() {
        RetryPolicy policy = new RetryPolicy(5, 100, 10_000, 0);

        assertEquals(100, policy.delayBefore(2, NO_JITTER));
        assertEquals(200, policy.delayBefore(3, NO_JITTER));
        assertEquals(400, policy.delayBefore(4, NO_JITTER));
        assertEquals(800, policy.delayBefore(5, NO_JITTER));
    }

    @Test
    void neverWaitsLongerThanTheMaximum() {
        RetryPolicy policy = new RetryPolicy(10, 1_000, 5_000, 0);

        assertEquals(4_000, policy.delayBefore(4, NO_JITTER));
        assertEquals(5_000, policy.delayBefore(5, NO_JITTER));
        assertEquals(5_000, policy.delayBefore(10, NO_JITTER));
        assertEquals(5_000, policy.delayBefore(1_000, NO_JITTER));
    }

    @Test
    void jitterShortensTheWaitByUpToItsShare() {
        RetryPolicy policy = new RetryPolicy(5, 1_000, 30_000, 0.25);

        assertEquals(2_000, policy.delayBefore(3, NO_JITTER));
        assertEquals(1_500, policy.delayBefore(3, MOST_JITTER));
        assertEquals(1_750, policy.delayBefore(3, always(0.5)));
    }

    @Test
    void jitteredWaitsStayWithinTheirBoundsAndSpread() {
        RetryPolicy policy = new RetryPolicy(5, 1_000, 30_000, 0.5);
        Random random = new Random(42);
        Set<Long> seen = new HashSet<>();

        for (int i = 0; i < 1_000; i++) {
            long delay = policy.delayBefore(4, random);
            assertTrue(delay >= 2_000 && delay <= 4_000, "delay " + delay);
            seen.add(delay);
        }
        assertTrue(seen.size() > 100, "jitter should spread the waits, got " + seen.size() + " distinct");
    }

    @Test
    void fullJitterCanShortenTheWaitToNothing() {
        assertEquals(0, new RetryPolicy(3, 1_000, 30_000, 1.0).delayBefore(2, always(0.9999)));
    }

    @Test
    void noneTriesOnceAndNeverWaits() {
        assertEquals(1, RetryPolicy.NONE.maxAttempts());
        assertEquals(0, RetryPolicy.NONE.delayBefore(2, MOST_JITTER));
        assertEquals(0, RetryPolicy.NONE.delayBefore(10, NO_JITTER));
    }
}
