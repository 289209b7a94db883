package dev.helix.web.api.providers;

import dev.helix.providers.model.ProviderDefinition;
import dev.helix.providers.model.ProviderType;
import dev.helix.providers.service.ProviderCatalog;
import dev.helix.shared.error.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Body of {@code POST /api/v1/admin/providers} and {@code PUT /api/v1/admin/providers/{name}}. On a change, an absent
 * {@code apiKey} keeps the stored key and an empty one removes it.
 */
public record ProviderRequest(String name, String type, String baseUrl, String apiKey, List<String> models,
                              String requestTimeout, Integer maxRetries) {

    /** The definition, with the defaults filled in; {@code name} is the provider's name. */
    ProviderDefinition definition(String name) {
        return new ProviderDefinition(name, providerType(), baseUrl, apiKey, models, ProviderDefinition.timeout(requestTimeout),
                maxRetries == null ? ProviderCatalog.DEFAULT_RETRIES : maxRetries);
    }

    private ProviderType providerType() {
        if (type == null || type.isBlank()) {
            throw new InvalidInputException("type is required: " + ProviderType.OPENAI_COMPATIBLE);
        }
        try {
            return ProviderType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("type must be one of " + Arrays.toString(ProviderType.values()) + ", not '" + type + "'");
        }
    }

    @Override
    public String toString() {
        return "ProviderRequest[name=" + name + ", type=" + type + ", baseUrl=" + baseUrl + ", apiKey=(hidden), models="
                + models + ", requestTimeout=" + requestTimeout + ", maxRetries=" + maxRetries + "]";
    }
}
