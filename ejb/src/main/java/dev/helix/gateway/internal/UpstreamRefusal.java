package dev.helix.gateway.internal;

import dev.helix.gateway.model.OpenAiError;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a provider's refusal that is the caller's fault (a request it cannot take: the caller gets it as it is) from
 * one that says the deployment cannot serve now or at all (the gateway tries another): 401, 402, 403, 404, 408,
 * 409, 429, every 5xx, and a 400 about an exhausted quota or billing are the deployment's.
 */
public final class UpstreamRefusal {

    /** Looked up once: finding the provider on each call costs more than the parsing. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Set<Integer> DEPLOYMENTS_FAULT = Set.of(401, 402, 403, 404, 408, 409, 429);
    private static final int MOST_QUOTED = 300;

    private UpstreamRefusal() {
    }

    public static boolean isCallersFault(int status, byte[] body) {
        if (status >= 500 || DEPLOYMENTS_FAULT.contains(status)) {
            return false;
        }
        String text = new String(body, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return !(status == 400 && (text.contains("quota") || text.contains("billing")));
    }

    /** The provider's error as the caller gets it: as it is when it has OpenAI's shape, else put in that shape. */
    public static byte[] asOpenAiError(int status, byte[] body) {
        try {
            JsonObject error = JSON.createReader(new ByteArrayInputStream(body)).readObject();
            if (error.get("error") instanceof JsonObject) {
                return body;
            }
        } catch (JsonException | IllegalStateException e) {
            // not JSON: wrapped below
        }
        String said = new String(body, StandardCharsets.UTF_8).strip();
        return OpenAiError.json("The model provider refused the request (HTTP " + status + ")" + (said.isEmpty() ? ""
                : ": " + (said.length() > MOST_QUOTED ? said.substring(0, MOST_QUOTED) + "..." : said)),
                "invalid_request_error", null, null).getBytes(StandardCharsets.UTF_8);
    }
}
