package dev.helix.identity.model;

import java.util.Set;

/** Who a valid API key speaks for: its owner with the owner's roles, narrowed to the key's scopes. */
public record ApiKeyIdentity(long keyId, String prefix, String owner, Set<String> roles, Set<Permission> scopes,
        Integer rateLimitPerMinute) {
}
