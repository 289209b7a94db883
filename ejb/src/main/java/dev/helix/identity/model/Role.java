package dev.helix.identity.model;

import java.util.Locale;

/** The roles of SPEC.md C8. Their lower-case names are the security groups and roles of the application. */
public enum Role {
    ADMIN, OPERATOR, DEVELOPER, VIEWER;

    /** The name used as security role and group, e.g. {@code admin}. */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
