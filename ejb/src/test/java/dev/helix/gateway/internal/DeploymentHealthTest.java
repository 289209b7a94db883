package dev.helix.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helix.gateway.model.Deployment;
import dev.helix.identity.model.InMemoryLedger;
import dev.helix.identity.model.RateLimiter;
import dev.helix.identity.model.SharedRateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeploymentHealthTest {

    /** The circuit keeps real time (Failsafe's clock): short, so the test waits it out. */
    private static final Duration OPEN_FOR = Duration.ofMillis(300);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final DeploymentHealth health = new DeploymentHealth(Duration.ofSeconds(5), 3, OPEN_FOR, now::get,
            new RateLimiter(now::get));
    private final Deployment deployment = new Deployment("a", "m1", 1, null);

    @Test
    void aFailedDeploymentCoolsDownForTheConfiguredTimeOrAsLongAsItAsked() {
        assertEquals(Optional.empty(), reason(deployment));
        health.failed(deployment, null);
        assertEquals(Duration.ofSeconds(5), health.take(deployment).orElseThrow().retryIn());
        advance(Duration.ofSeconds(5));
        assertEquals(Optional.empty(), reason(deployment));
        health.failed(deployment, Duration.ofSeconds(20)); // Retry-After: 20
        advance(Duration.ofSeconds(19));
        assertEquals(Optional.of("cooling-down"), reason(deployment));
        advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), reason(deployment));
    }

    @Test
    void theCircuitOpensAfterFailuresInARowAndATrialCallClosesIt() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            health.take(deployment);
            health.failed(deployment, null);
            advance(Duration.ofSeconds(6));
        }
        assertEquals("OPEN", health.circuitState(deployment));
        assertEquals(Optional.of("circuit-open"), reason(deployment));
        Thread.sleep(OPEN_FOR.toMillis() + 100);
        assertEquals(Optional.empty(), reason(deployment), "half open: one trial call");
        health.succeeded(deployment);
        assertEquals("CLOSED", health.circuitState(deployment));
    }

    @Test
    void aDeploymentWithARateGetsNoMoreThanItsRequestsAMinute() {
        Deployment limited = new Deployment("a", "m2", 1, 2);
        assertEquals(Optional.empty(), reason(limited));
        health.succeeded(limited);
        assertEquals(Optional.empty(), reason(limited));
        health.succeeded(limited);
        assertEquals(Optional.of("rate-limited"), reason(limited));
        advance(Duration.ofSeconds(30));
        assertEquals(Optional.empty(), reason(limited), "a minute's allowance refills continuously");
    }

    @Test
    void aDeploymentsRateIsHeldAcrossTheServersThatShareTheLedger() {
        InMemoryLedger ledger = new InMemoryLedger();
        AtomicLong wallClock = new AtomicLong(29_000_000L * 60_000); // the start of a minute
        List<DeploymentHealth> servers = List.of(
                new DeploymentHealth(Duration.ofSeconds(5), 3, OPEN_FOR, now::get, new SharedRateLimiter(ledger, wallClock::get)),
                new DeploymentHealth(Duration.ofSeconds(5), 3, OPEN_FOR, now::get, new SharedRateLimiter(ledger, wallClock::get)));
        Deployment limited = new Deployment("a", "m3", 1, 40);
        int served = 0;
        for (int round = 0; round < 30; round++) {
            for (DeploymentHealth server : servers) {
                Optional<DeploymentHealth.Busy> busy = server.take(limited);
                if (busy.isEmpty()) {
                    served++;
                    server.succeeded(limited);
                } else {
                    assertEquals("rate-limited", busy.get().reason());
                }
            }
        }
        assertEquals(40, served, "40 requests a minute between both servers, not 40 each");
    }

    @Test
    void aFailedTrialCallOpensTheCircuitAgainAtOnce() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            health.take(deployment);
            health.failed(deployment, null);
            advance(Duration.ofSeconds(6));
        }
        Thread.sleep(OPEN_FOR.toMillis() + 100);
        assertEquals(Optional.empty(), reason(deployment), "the trial call");
        assertEquals(Optional.of("circuit-open"), reason(deployment), "one trial call at a time");
        health.failed(deployment, null);
        advance(Duration.ofSeconds(6));
        assertEquals("OPEN", health.circuitState(deployment));
    }

    /** Takes the deployment; why it could not be taken, if it could not. */
    private Optional<String> reason(Deployment taken) {
        return health.take(taken).map(DeploymentHealth.Busy::reason);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
