package dev.helix.providers.model;

import java.time.Duration;
import java.util.List;

/**
 * What an administrator says about a provider when registering or changing it.
 *
 * @param apiKey         the endpoint's key; {@code null} keeps the stored one (or none), empty removes it
 * @param requestTimeout how long one call may take before it is abandoned and retried
 * @param maxRetries     how often a failed call is tried again (429, 5xx, timeouts, refused connections)
 */
public record ProviderDefinition(String name, ProviderType type, String baseUrl, String apiKey, List<String> models,
                                 Duration requestTimeout, int maxRetries) {

    @Override
    public String toString() {
        return "ProviderDefinition[name=" + name + ", type=" + type + ", baseUrl=" + baseUrl + ", apiKey=(hidden), models="
                + models + ", requestTimeout=" + requestTimeout + ", maxRetries=" + maxRetries + "]";
    }
}
