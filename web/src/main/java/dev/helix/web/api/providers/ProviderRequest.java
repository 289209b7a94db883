package dev.helix.web.api.providers;

import dev.helix.providers.model.ProviderDefinition;
import dev.helix.providers.model.ProviderType;
import dev.helix.providers.service.ProviderCatalog;
import dev.helix.shared.error.InvalidInputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
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
        return new ProviderDefinition(name, providerType(), baseUrl, apiKey, models, timeout(),
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

    private Duration timeout() {
        if (requestTimeout == null) {
            return null;
        }
        try {
            return Duration.parse(requestTimeout.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("requestTimeout must be an ISO-8601 duration such as PT2M, not '" + requestTimeout + "'");
        }
    }

    @Override
    public String toString() {
        return "ProviderRequest[name=" + name + ", type=" + type + ", baseUrl=" + baseUrl + ", apiKey=(hidden), models="
                + models + ", requestTimeout=" + requestTimeout + ", maxRetries=" + maxRetries + "]";
    }
}
