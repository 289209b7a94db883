package dev.helix.providers.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.providers.model.ProviderUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProviderGuardTest {

    private static final String KEY = "sk-guard-test-K3y";

    private final ProviderGuard guard = new ProviderGuard("local", KEY, 3, 5, Duration.ofSeconds(30));

    @Test
    void aRateLimitedCallWaitsAsLongAsRetryAfterAsksThenSucceeds() {
        List<Long> attempts = new ArrayList<>();
        String answer = guard.call("answer", () -> {
            attempts.add(System.nanoTime());
            if (attempts.size() == 1) {
                throw new ProviderRefusal(429, "{\"error\":\"slow down\"}", Duration.ofSeconds(1));
            }
            return "ok";
        });
        assertEquals("ok", answer);
        assertEquals(2, attempts.size());
        long waitedMillis = (attempts.get(1) - attempts.get(0)) / 1_000_000;
        assertTrue(waitedMillis >= 750, "waited only " + waitedMillis + " ms of the 1 s Retry-After (jitter is 25 % at most)");
    }

    @Test
    void serverErrorsAndBrokenConnectionsAreRetriedUpToTheLimitThenReported() {
        AtomicInteger calls = new AtomicInteger();
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, () -> guard.call("write the spec", () -> {
            calls.incrementAndGet();
            throw new ProviderRefusal(503, "overloaded", null);
        }));
        assertEquals(4, calls.get(), "one call and three retries");
        assertEquals("Model provider 'local' could not write the spec (4 attempts): it answered HTTP 503: overloaded", e.getMessage());

        ProviderUnavailableException refused = assertThrows(ProviderUnavailableException.class, () -> new ProviderGuard("local", KEY, 1, 5,
                Duration.ofSeconds(30)).call("answer", () -> {
                    throw new UncheckedIOException(new ConnectException("Connection refused"));
                }));
        assertTrue(refused.getMessage().contains("(2 attempts): it could not be reached or its answer broke off (ConnectException: "
                + "Connection refused)"), refused.getMessage());
    }

    @Test
    void aRefusalThatNoRetryCanMendFailsAtOnceAndNeverShowsTheKey() {
        AtomicInteger calls = new AtomicInteger();
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, () -> guard.call("answer", () -> {
            calls.incrementAndGet();
            throw new ProviderRefusal(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}", null);
        }));
        assertEquals(1, calls.get());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("(api key)"), e.getMessage());
    }

    @Test
    void aProviderAskingToWaitLongerThanAMinuteFailsTheCallInsteadOfHoldingIt() {
        AtomicInteger calls = new AtomicInteger();
        ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, () -> guard.call("answer", () -> {
            calls.incrementAndGet();
            throw new ProviderRefusal(429, "quota", Duration.ofMinutes(10));
        }));
        assertEquals(1, calls.get());
        assertTrue(e.getMessage().contains("Retry-After 600 s"), e.getMessage());
    }

    @Test
    void failuresInARowOpenTheCircuitSoLaterCallsFailAtOnceWithoutReachingTheProvider() {
        ProviderGuard impatient = new ProviderGuard("local", KEY, 0, 2, Duration.ofMinutes(5));
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            assertThrows(ProviderUnavailableException.class, () -> impatient.call("answer", () -> {
                calls.incrementAndGet();
                throw new UncheckedIOException(new IOException("stream broke off"));
            }));
        }
        assertEquals("OPEN", impatient.circuitState());
        ProviderUnavailableException open = assertThrows(ProviderUnavailableException.class,
                () -> impatient.call("answer", () -> "never reached"));
        assertEquals(2, calls.get());
        assertTrue(open.getMessage().startsWith("Model provider 'local' is not being called: its circuit is open after 2 failed "
                + "calls in a row; it is tried again in "), open.getMessage());
        assertEquals("CLOSED", guard.circuitState(), "each provider has a circuit of its own");
    }
}
