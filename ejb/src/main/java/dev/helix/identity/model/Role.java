package dev.helix.identity.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The roles of SPEC.md C8. Their lower-case names are the security groups and roles of the application. */
public enum Role {
    ADMIN, OPERATOR, DEVELOPER, VIEWER;

    /** The name used as security role and group, e.g. {@code admin}. */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this name, in any case; empty when there is none. */
    public static Optional<Role> byName(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst();
    }

    public static Role of(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
