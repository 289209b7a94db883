package dev.helix.identity.model;

/** The security settings administrators change at run time. */
public record SecurityPolicy(boolean basicAuthEnabled) {
}
