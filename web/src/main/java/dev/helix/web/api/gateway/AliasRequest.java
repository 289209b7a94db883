package dev.helix.web.api.gateway;

import dev.helix.gateway.model.AliasDefinition;
import dev.helix.gateway.model.Deployment;
import dev.helix.shared.error.InvalidInputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Body of {@code POST /api/v1/admin/gateway/models} and {@code PUT /api/v1/admin/gateway/models/{alias}}:
 * {@code {"alias":"fast","deployments":[{"provider":"a","model":"m1","weight":1}],"fallbacks":["cheap"],
 * "timeout":"PT30S","cacheTtl":"PT5M"}}. A deployment's weight defaults to 1; the timeout to a minute; no
 * {@code cacheTtl} means answers are not cached.
 */
public record AliasRequest(String alias, List<DeploymentRequest> deployments, List<String> fallbacks, String timeout,
                           String cacheTtl) {

    /** One deployment of the alias. */
    public record DeploymentRequest(String provider, String model, Integer weight, Integer requestsPerMinute) {

        Deployment deployment() {
            return new Deployment(provider, model, weight == null ? 1 : weight, requestsPerMinute);
        }
    }

    AliasDefinition definition(String name) {
        List<Deployment> parts = deployments == null ? null : deployments.stream()
                .map(d -> d == null ? null : d.deployment()).toList();
        return new AliasDefinition(name, parts, fallbacks, duration("timeout", timeout), duration("cacheTtl", cacheTtl));
    }

    private static Duration duration(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field + " must be an ISO-8601 duration such as PT30S, not '" + text + "'");
        }
    }
}
