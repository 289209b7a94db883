package dev.helix.identity.model;

import java.util.Optional;
import java.util.Set;

/** Who a valid API key speaks for: its owner with the owner's roles, narrowed to the key's scopes, if any. */
public record ApiKeyIdentity(long keyId, String prefix, String owner, Set<String> roles, Optional<Set<Permission>> scopes,
        Integer rateLimitPerMinute) {
}
