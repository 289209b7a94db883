package dev.helix.web.health;

import dev.helix.audit.model.ChainHealth;
import dev.helix.audit.model.ChainVerdict;
import dev.helix.audit.service.ChainMonitor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The audit chain. Not ready (DOWN) while records cannot be appended: every change needs its record, so the server
 * then refuses every change. A break found by a verification that no one has acknowledged leaves the server ready,
 * since reads, sign-in and changes go on, but reports it: {@code state} DEGRADED, with the first break and why.
 */
@Readiness
@ApplicationScoped
public class AuditChainReadiness implements HealthCheck {

    @Inject
    ChainMonitor monitor;

    @Override
    public HealthCheckResponse call() {
        ChainHealth health = monitor.health();
        ChainVerdict verdict = health.verdict();
        HealthCheckResponseBuilder check = HealthCheckResponse.named("audit-chain").status(health.writable())
                .withData("chain", verdict == null ? "UNVERIFIED" : verdict.state().name());
        if (!health.writable()) {
            check.withData("state", "DOWN").withData("reason", health.writeProblem() + "; changes are refused")
                    .withData("failingSince", health.failingSince().toString());
        } else if (health.broken()) {
            check.withData("state", "DEGRADED").withData("reason", verdict.firstUnacknowledged().reason())
                    .withData("firstBrokenId", verdict.firstUnacknowledged().recordId());
        } else {
            check.withData("state", "UP");
        }
        return check.build();
    }
}
