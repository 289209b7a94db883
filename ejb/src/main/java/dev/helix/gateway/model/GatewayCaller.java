package dev.helix.gateway.model;

/**
 * Who a gateway call is made for, as usage records it.
 *
 * @param user      the signed-in user (the API key's owner)
 * @param keyId     the API key the call came with, or {@code null} for a password or a session
 * @param keyPrefix that key's public prefix, or {@code null}
 * @param project   the project the caller named ({@code X-Helix-Project}), or {@code null}
 */
public record GatewayCaller(String user, Long keyId, String keyPrefix, String project) {
}
