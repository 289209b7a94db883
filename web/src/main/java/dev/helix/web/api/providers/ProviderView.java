package dev.helix.web.api.providers;

import dev.helix.providers.model.RegisteredProvider;
import java.time.Instant;
import java.util.List;

/**
 * A registered model provider as the API shows it: whether it has an API key, never the key.
 *
 * @param circuit {@code CLOSED} while calls reach it; {@code OPEN} while they fail at once after repeated failures
 */
public record ProviderView(String name, String type, String baseUrl, boolean apiKeySet, List<String> models,
                           String requestTimeout, int maxRetries, boolean builtIn, String circuit, Instant createdAt,
                           Instant updatedAt) {

    static ProviderView of(RegisteredProvider p, String circuit) {
        return new ProviderView(p.getName(), p.getType().name(), p.getBaseUrl(), p.hasApiKey(), p.getModels(),
                p.getRequestTimeout().toString(), p.getMaxRetries(), p.isBuiltIn(), circuit, p.getCreatedAt(), p.getUpdatedAt());
    }
}
