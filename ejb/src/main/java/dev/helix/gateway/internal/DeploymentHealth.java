package dev.helix.gateway.internal;

import dev.failsafe.CircuitBreaker;
import dev.helix.gateway.model.Deployment;
import dev.helix.identity.model.RequestAllowance;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Whether each deployment (a provider's model, whichever aliases name it) may be sent a request now, on this server.
 * A deployment that failed is cooled down for a while (as long as its {@code Retry-After} asks, up to
 * {@link #LONGEST_COOL_DOWN}, and at least the configured cool-down); after {@code failuresToOpen} failures in a row
 * its circuit opens for {@code openFor}, and then lets one trial request through, whose success closes it again. A
 * deployment with a request rate is held to it by Helix too, counted as the allowances given say: by this server, or
 * across the servers of a cluster.
 */
public final class DeploymentHealth {

    static final Duration LONGEST_COOL_DOWN = Duration.ofMinutes(5);

    private final Duration coolDown;
    private final int failuresToOpen;
    private final Duration openFor;
    private final LongSupplier nanoClock;
    private final RequestAllowance rates;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    private final class State {
        final CircuitBreaker<Object> circuit = CircuitBreaker.builder().withFailureThreshold(failuresToOpen)
                .withSuccessThreshold(1).withDelay(openFor).build();
        volatile long coolUntil = nanoClock.getAsLong();
    }

    public DeploymentHealth(Duration coolDown, int failuresToOpen, Duration openFor, LongSupplier nanoClock,
            RequestAllowance rates) {
        this.coolDown = coolDown;
        this.failuresToOpen = failuresToOpen;
        this.openFor = openFor;
        this.nanoClock = nanoClock;
        this.rates = rates;
    }

    /** Why a deployment cannot be sent a request now, how long that lasts, and whether it is a rate limit. */
    public record Busy(String reason, Duration retryIn, boolean rateLimited) {
    }

    /**
     * Takes the deployment for one request, or says why it cannot have one: {@code cooling-down},
     * {@code rate-limited} (Helix's own rate for it) or {@code circuit-open}. A taken request must be reported
     * exactly once, as {@link #succeeded} or {@link #failed}: a half-open circuit lets its trial call through only once.
     */
    public Optional<Busy> take(Deployment deployment) {
        State state = state(deployment);
        long coolFor = state.coolUntil - nanoClock.getAsLong();
        if (coolFor > 0) {
            return Optional.of(new Busy("cooling-down", Duration.ofNanos(coolFor), false));
        }
        Integer rate = deployment.getRequestsPerMinute();
        if (rate != null) {
            RequestAllowance.Verdict verdict = rates.acquire("deployment:" + deployment.name(), rate);
            if (!verdict.allowed()) {
                return Optional.of(new Busy("rate-limited", Duration.ofSeconds(verdict.retryAfterSeconds()), true));
            }
        }
        return state.circuit.tryAcquirePermit() ? Optional.empty()
                : Optional.of(new Busy("circuit-open", state.circuit.getRemainingDelay(), false));
    }

    public void succeeded(Deployment deployment) {
        state(deployment).circuit.recordSuccess();
    }

    /** The deployment could not serve; {@code retryAfter} is how long it asked to be left alone, if it said. */
    public void failed(Deployment deployment, Duration retryAfter) {
        State state = state(deployment);
        state.circuit.recordFailure();
        Duration pause = retryAfter == null || retryAfter.compareTo(coolDown) < 0 ? coolDown
                : retryAfter.compareTo(LONGEST_COOL_DOWN) > 0 ? LONGEST_COOL_DOWN : retryAfter;
        state.coolUntil = nanoClock.getAsLong() + pause.toNanos();
    }

    /** {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}. */
    public String circuitState(Deployment deployment) {
        return state(deployment).circuit.getState().name();
    }

    private State state(Deployment deployment) {
        return states.computeIfAbsent(deployment.name(), name -> new State());
    }
}
