package dev.helix.providers.model;

import dev.helix.shared.error.InvalidInputException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
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

    /** A request timeout as written, e.g. {@code PT2M}; {@code null} stays {@code null} (the default applies). */
    public static Duration timeout(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("requestTimeout must be an ISO-8601 duration such as PT2M, not '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return "ProviderDefinition[name=" + name + ", type=" + type + ", baseUrl=" + baseUrl + ", apiKey=(hidden), models="
                + models + ", requestTimeout=" + requestTimeout + ", maxRetries=" + maxRetries + "]";
    }
}
