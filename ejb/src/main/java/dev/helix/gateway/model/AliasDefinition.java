package dev.helix.gateway.model;

import dev.helix.shared.error.InvalidInputException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an administrator says an alias is: its deployments, its fallbacks in order, the timeout of one call and how
 * long answers are cached. {@link #checked} refuses what cannot be routed, each problem named; whether the providers
 * and fallbacks exist is checked against the registrations when it is saved.
 */
public record AliasDefinition(String alias, List<Deployment> deployments, List<String> fallbacks, Duration timeout,
                              Duration cacheTtl) {

    /** A call's timeout when the definition names none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final int MOST_DEPLOYMENTS = 20;
    private static final int MOST_FALLBACKS = 10;
    private static final int MOST_WEIGHT = 1000;
    private static final Duration SHORTEST_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration LONGEST_CACHE = Duration.ofDays(1);

    /** The definition with its defaults filled in, or an {@link InvalidInputException} naming what is wrong. */
    public AliasDefinition checked() {
        if (alias == null || !NAME.matcher(alias).matches()) {
            throw new InvalidInputException("alias must be 1 to 128 letters, digits or . _ : -, starting with a letter or digit");
        }
        if (deployments == null || deployments.isEmpty() || deployments.size() > MOST_DEPLOYMENTS) {
            throw new InvalidInputException("deployments must list 1 to " + MOST_DEPLOYMENTS + " deployments");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < deployments.size(); i++) {
            checkDeployment(i, deployments.get(i));
            if (!seen.add(deployments.get(i).name())) {
                throw new InvalidInputException("deployments[" + i + "] repeats " + deployments.get(i).name());
            }
        }
        List<String> backups = fallbacks == null ? List.of() : fallbacks;
        if (backups.size() > MOST_FALLBACKS || backups.contains(alias) || backups.stream().anyMatch(f -> f == null || f.isBlank())
                || new HashSet<>(backups).size() != backups.size()) {
            throw new InvalidInputException("fallbacks must name at most " + MOST_FALLBACKS + " other aliases, each once");
        }
        Duration callTimeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (callTimeout.compareTo(SHORTEST_TIMEOUT) < 0 || callTimeout.compareTo(LONGEST_TIMEOUT) > 0) {
            throw new InvalidInputException("timeout must be between PT1S and PT30M");
        }
        Duration ttl = cacheTtl == null ? Duration.ZERO : cacheTtl;
        if (ttl.isNegative() || ttl.compareTo(LONGEST_CACHE) > 0) {
            throw new InvalidInputException("cacheTtl must be between PT0S (no caching) and P1D");
        }
        return new AliasDefinition(alias, List.copyOf(deployments), List.copyOf(backups), callTimeout, ttl);
    }

    private static void checkDeployment(int i, Deployment deployment) {
        String where = "deployments[" + i + "]";
        if (deployment == null || deployment.getProvider() == null || deployment.getProvider().isBlank()
                || deployment.getModel() == null || deployment.getModel().isBlank()) {
            throw new InvalidInputException(where + " needs a provider and a model");
        }
        if (deployment.getWeight() < 1 || deployment.getWeight() > MOST_WEIGHT) {
            throw new InvalidInputException(where + ".weight must be between 1 and " + MOST_WEIGHT);
        }
        if (deployment.getRequestsPerMinute() != null && deployment.getRequestsPerMinute() < 1) {
            throw new InvalidInputException(where + ".requestsPerMinute must be positive when given");
        }
    }
}
