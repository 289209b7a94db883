package dev.helix.web.api.gateway;

import dev.helix.gateway.model.Deployment;
import dev.helix.gateway.model.ModelAlias;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** A model alias of the gateway as the API shows it, each deployment with the state of its circuit on this server. */
public record AliasView(String alias, List<DeploymentView> deployments, List<String> fallbacks, String timeout,
                        String cacheTtl, Instant createdAt, Instant updatedAt, long version) {

    /**
     * One deployment.
     *
     * @param circuit {@code CLOSED} while calls reach it; {@code OPEN} while it is passed over after failures in a row
     */
    public record DeploymentView(String provider, String model, int weight, Integer requestsPerMinute, String circuit) {
    }

    static AliasView of(ModelAlias alias, Function<Deployment, String> circuit) {
        return new AliasView(alias.getAlias(), alias.getDeployments().stream().map(d -> new DeploymentView(d.getProvider(),
                d.getModel(), d.getWeight(), d.getRequestsPerMinute(), circuit.apply(d))).toList(), alias.getFallbacks(),
                alias.getTimeout().toString(), alias.getCacheTtl().toString(), alias.getCreatedAt(), alias.getUpdatedAt(),
                alias.getVersion());
    }
}
