package dev.helix.identity.model;

/**
 * Whether an account is, after a change, an enabled administrator: fired when an administrator changes its roles,
 * enables or disables it, or deletes it, for the parts of Helix that must follow (the Liberty registry for
 * {@code admin}).
 */
public record AdministratorStanding(String username, boolean enabledAdministrator) {
}
