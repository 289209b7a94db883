package dev.helix.gateway.internal;

import dev.failsafe.CircuitBreaker;
import dev.helix.gateway.model.Deployment;
import dev.helix.identity.model.RateLimiter;
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
 * deployment with a request rate is held to it by Helix too.
 */
public final class DeploymentHealth {

    static final Duration LONGEST_COOL_DOWN = Duration.ofMinutes(5);

    private final Duration coolDown;
    private final int failuresToOpen;
    private final Duration openFor;
    private final LongSupplier nanoClock;
    private final RateLimiter rates;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    private final class State {
        final CircuitBreaker<Object> circuit = CircuitBreaker.builder().withFailureThreshold(failuresToOpen)
                .withDelay(openFor).build();
        volatile long coolUntil = nanoClock.getAsLong();
    }

    public DeploymentHealth(Duration coolDown, int failuresToOpen, Duration openFor, LongSupplier nanoClock) {
        this.coolDown = coolDown;
        this.failuresToOpen = failuresToOpen;
        this.openFor = openFor;
        this.nanoClock = nanoClock;
        this.rates = new RateLimiter(nanoClock);
    }

    /**
     * Takes the deployment for one request, or says why it cannot have one: {@code cooling-down},
     * {@code circuit-open} or {@code rate-limited}. A taken request must be reported as {@link #succeeded} or
     * {@link #failed}.
     */
    public Optional<String> take(Deployment deployment) {
        State state = state(deployment);
        if (nanoClock.getAsLong() - state.coolUntil < 0) {
            return Optional.of("cooling-down");
        }
        Integer rate = deployment.getRequestsPerMinute();
        if (rate != null && !rates.acquire(deployment.name(), rate).allowed()) {
            return Optional.of("rate-limited");
        }
        return state.circuit.tryAcquirePermit() ? Optional.empty() : Optional.of("circuit-open");
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
