package dev.helix.providers.model;

import java.util.List;

/**
 * The outcome of testing a provider: whether it answered, how fast, the models it lists, and which of the models
 * registered for it it does not list.
 *
 * @param error what went wrong, or {@code null} when it answered
 */
public record ProviderCheck(String provider, boolean reachable, long latencyMillis, List<String> modelsListed,
                            List<String> modelsMissing, String error) {
}
