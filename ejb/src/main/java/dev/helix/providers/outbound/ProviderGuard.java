package dev.helix.providers.outbound;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import dev.helix.providers.model.ProviderCircuitOpenException;
import dev.helix.providers.model.ProviderUnavailableException;
import dev.helix.shared.model.Abbreviation;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls one provider patiently but not blindly: a call that fails for a passing reason (429, 5xx, 408, a timeout, a
 * refused connection, a broken answer) is tried again after a growing pause, or after as long as the provider's
 * {@code Retry-After} asks (up to {@link #LONGEST_WAIT}); after {@code failuresToOpen} such failures in a row the
 * provider's circuit opens and calls fail at once, without reaching it, until {@code openFor} has passed. Every
 * failure ends as a {@link ProviderUnavailableException} whose message names the provider and the reason, with the
 * API key cut out of anything the provider said.
 */
final class ProviderGuard {

    /** The longest a {@code Retry-After} is waited for; a provider asking for longer fails the call. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(20);

    private final String provider;
    private final String apiKey;
    private final RetryPolicy<Object> retry;
    private final CircuitBreaker<Object> circuit;

    ProviderGuard(String provider, String apiKey, int maxRetries, int failuresToOpen, Duration openFor) {
        this.provider = provider;
        this.apiKey = apiKey;
        this.retry = RetryPolicy.builder()
                .handleIf(ProviderGuard::passing)
                .abortOn(CircuitBreakerOpenException.class)
                .abortIf((result, failure) -> refusal(failure).flatMap(ProviderRefusal::retryAfter)
                        .filter(wait -> wait.compareTo(LONGEST_WAIT) > 0).isPresent())
                .withMaxRetries(maxRetries)
                .withBackoff(FIRST_PAUSE, LONGEST_PAUSE)
                .withDelayFn(context -> refusal(context.getLastException()).flatMap(ProviderRefusal::retryAfter)
                        .orElse(Duration.ofMillis(-1)))
                .build();
        this.circuit = CircuitBreaker.builder()
                .handleIf(ProviderGuard::passing)
                .withFailureThreshold(failuresToOpen)
                .withDelay(openFor)
                .build();
    }

    /** Runs the call under this provider's retries and circuit; {@code what} says what was asked, for the message. */
    <T> T call(String what, CheckedSupplier<T> call) {
        AtomicInteger attempts = new AtomicInteger();
        try {
            return Failsafe.with(retry).compose(circuit).get(() -> {
                attempts.incrementAndGet();
                return call.get();
            });
        } catch (CircuitBreakerOpenException e) {
            throw new ProviderCircuitOpenException("Model provider '" + provider + "' is not being called: its circuit is "
                    + "open after " + circuit.getFailureCount() + " failed calls in a row; it is tried again in "
                    + seconds(circuit.getRemainingDelay()) + " s", circuit.getRemainingDelay());
        } catch (FailsafeException e) {
            throw unavailable(what, attempts.get(), e.getCause());
        } catch (RuntimeException e) {
            throw unavailable(what, attempts.get(), e);
        }
    }

    /** {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}. */
    String circuitState() {
        return circuit.getState().name();
    }

    private ProviderUnavailableException unavailable(String what, int attempts, Throwable failure) {
        return new ProviderUnavailableException(explain(what + " (" + (attempts == 1 ? "1 attempt" : attempts + " attempts") + ")",
                failure));
    }

    /** Says why a call failed, naming the provider, without its API key. */
    String explain(String what, Throwable failure) {
        return "Model provider '" + provider + "' could not " + what + ": " + redacted(describe(failure));
    }

    static boolean passing(Throwable failure) {
        Optional<ProviderRefusal> refusal = refusal(failure);
        if (refusal.isPresent()) {
            int status = refusal.get().statusCode();
            return status == 408 || status == 429 || status >= 500;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static Optional<ProviderRefusal> refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ProviderRefusal r) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static String describe(Throwable failure) {
        Optional<ProviderRefusal> refusal = refusal(failure);
        if (refusal.isPresent()) {
            ProviderRefusal r = refusal.get();
            String wait = r.retryAfter().map(d -> ", Retry-After " + seconds(d) + " s").orElse("");
            return "it answered HTTP " + r.statusCode() + wait + ": " + Abbreviation.firstLine(r.getMessage(), 300);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
                return "it did not answer in time";
            }
            if (t instanceof IOException io) {
                return "it could not be reached or its answer broke off (" + io.getClass().getSimpleName()
                        + (io.getMessage() == null ? "" : ": " + io.getMessage()) + ")";
            }
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    /** The text with this provider's API key cut out. */
    String redacted(String text) {
        return apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, "(api key)");
    }

    private static long seconds(Duration d) {
        return Math.max(0, (d.toMillis() + 999) / 1000);
    }
}
