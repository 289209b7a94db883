package dev.helix.gateway.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** How the gateway serves one alias: a snapshot of its {@link ModelAlias}, and when the alias was defined. */
public record Route(String alias, List<Deployment> deployments, List<String> fallbacks, Duration timeout, Duration cacheTtl,
                    Instant created) {

    public Route {
        deployments = List.copyOf(deployments);
        fallbacks = List.copyOf(fallbacks);
    }

    public boolean caches() {
        return !cacheTtl.isZero();
    }
}
