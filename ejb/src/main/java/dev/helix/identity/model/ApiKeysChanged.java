package dev.helix.identity.model;

/**
 * A key was revoked, or the roles or the account of a user changed: what an API key speaks for may differ once this
 * commits, so keys verified before it are verified again.
 */
public record ApiKeysChanged(String owner) {
}
