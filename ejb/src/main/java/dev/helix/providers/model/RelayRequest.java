package dev.helix.providers.model;

import java.time.Duration;

/**
 * One request passed on to a provider as it is, in OpenAI's protocol: the body is sent unchanged, so fields Helix
 * does not know reach the provider.
 *
 * @param provider the registered provider's name
 * @param body     the JSON body, its {@code model} already the provider's model
 * @param stream   whether the answer comes as server-sent events
 * @param timeout  how long the whole answer may take; for a stream, how long it may wait for each next piece
 */
public record RelayRequest(String provider, RelayEndpoint endpoint, String body, boolean stream, Duration timeout) {
}
