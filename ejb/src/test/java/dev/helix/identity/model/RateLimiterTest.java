package dev.helix.identity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(clock::get);

    private void advanceSeconds(double seconds) {
        clock.addAndGet((long) (seconds * 1e9));
    }

    @Test
    void aCallerMayBurstUpToItsLimitThenWaitsForTheRefill() {
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.acquire("dana", 5).allowed(), "request " + (i + 1));
        }
        RateLimiter.Verdict sixth = limiter.acquire("dana", 5);
        assertFalse(sixth.allowed());
        assertEquals(12, sixth.retryAfterSeconds(), "5 per minute: one every 12 s");

        advanceSeconds(11.9);
        assertFalse(limiter.acquire("dana", 5).allowed());
        advanceSeconds(0.2);
        assertTrue(limiter.acquire("dana", 5).allowed());
        assertFalse(limiter.acquire("dana", 5).allowed());
    }

    @Test
    void callersHaveTheirOwnAllowance() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("key:1", 3);
        }
        assertFalse(limiter.acquire("key:1", 3).allowed());
        assertTrue(limiter.acquire("key:2", 3).allowed());
        assertTrue(limiter.acquire("dana", 3).allowed());
    }

    @Test
    void aLongPauseRefillsNoMoreThanOneMinutesWorth() {
        for (int i = 0; i < 2; i++) {
            limiter.acquire("dana", 2);
        }
        advanceSeconds(86_400 * 365.0);
        assertTrue(limiter.acquire("dana", 2).allowed());
        assertTrue(limiter.acquire("dana", 2).allowed());
        assertFalse(limiter.acquire("dana", 2).allowed());
    }

    @Test
    void theLimitHoldsExactlyUnderConcurrentLoad() throws InterruptedException {
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            threads.submit(() -> {
                for (int i = 0; i < 1000; i++) {
                    if (limiter.acquire("busy", 1000).allowed()) {
                        allowed.incrementAndGet();
                    }
                }
            });
        }
        threads.shutdown();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(1000, allowed.get(), "8000 attempts within one frozen instant: exactly the limit passes");
    }
}
