package dev.helix.identity.model;

import java.time.Instant;
import java.util.Set;

/**
 * Who a valid API key speaks for: its owner with the owner's roles, narrowed to the key's scopes; until when the key
 * may be used ({@code null}: until it is revoked).
 */
public record ApiKeyIdentity(long keyId, String prefix, String owner, Set<String> roles, Set<Permission> scopes,
        Integer rateLimitPerMinute, Instant expiresAt) {
}
