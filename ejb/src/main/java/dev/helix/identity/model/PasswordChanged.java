package dev.helix.identity.model;

/**
 * A user's password was changed (by the user, an administrator's reset or the start-up bootstrap); carries the
 * new password, in memory only, for the parts of Helix that must follow it (the Liberty registry for
 * {@code admin}). Never logged.
 */
public record PasswordChanged(String username, String password) {

    @Override
    public String toString() {
        return "PasswordChanged[username=" + username + "]";
    }
}
