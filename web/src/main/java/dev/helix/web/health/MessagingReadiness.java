package dev.helix.web.health;

import dev.helix.analytics.port.QueueDepth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the messaging provider lets the dispatch queue be browsed; reports its backlog. */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

    @Inject
    QueueDepth queue;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("messaging").up().withData("dispatchBacklog", queue.dispatchDepth()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("messaging").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
