package dev.helix.identity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final SignInThrottle throttle = new SignInThrottle(clock::get);

    private void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    private Optional<Duration> failTimes(int times) {
        Optional<Duration> last = Optional.empty();
        for (int i = 0; i < times; i++) {
            last = throttle.failed("dana", "10.0.0.7");
        }
        return last;
    }

    @Test
    void theFifthWrongPasswordInARowLocksThePairOutForThirtySeconds() {
        assertTrue(failTimes(4).isEmpty());
        assertTrue(throttle.lockedFor("dana", "10.0.0.7").isEmpty());
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.failed("dana", "10.0.0.7"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.lockedFor("dana", "10.0.0.7"));

        advance(Duration.ofSeconds(30));
        assertTrue(throttle.lockedFor("dana", "10.0.0.7").isEmpty());
    }

    @Test
    void eachFurtherLockOutDoublesUpToFifteenMinutes() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), failTimes(5));
        advance(Duration.ofSeconds(31));
        assertEquals(Optional.of(Duration.ofSeconds(60)), failTimes(5));
        for (int i = 0; i < 10; i++) {
            advance(Duration.ofMinutes(14));
            failTimes(5);
        }
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.lockedFor("dana", "10.0.0.7"));
    }

    @Test
    void aRightPasswordAndQuietTimeForgetTheFailures() {
        failTimes(4);
        throttle.succeeded("dana", "10.0.0.7");
        assertTrue(failTimes(4).isEmpty(), "the count starts again after a success");

        advance(Duration.ofMinutes(16));
        assertTrue(failTimes(4).isEmpty(), "failures older than 15 minutes are forgotten");
    }

    @Test
    void anotherAddressIsNotLockedOut() {
        failTimes(5);
        assertTrue(throttle.lockedFor("dana", "10.0.0.7").isPresent());
        assertTrue(throttle.lockedFor("dana", "192.168.1.20").isEmpty());
        assertTrue(throttle.lockedFor("oscar", "10.0.0.7").isEmpty());
    }

    @Test
    void aBurstOfParallelGuessesGetsNoMoreTriesThanOneAfterAnother() throws Exception {
        AtomicInteger checked = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> guesses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                guesses.add(pool.submit(() -> throttle.exclusively("alice", "10.0.0.9", () -> {
                    if (throttle.lockedFor("alice", "10.0.0.9").isPresent()) {
                        return false;
                    }
                    checked.incrementAndGet(); // a password check, as slow as PBKDF2 makes it
                    sleep(5);
                    throttle.failed("alice", "10.0.0.9");
                    return true;
                }, () -> false)));
            }
            for (Future<Boolean> guess : guesses) {
                guess.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(SignInThrottle.FREE_FAILURES, checked.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
