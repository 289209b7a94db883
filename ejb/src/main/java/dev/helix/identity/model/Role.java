package dev.helix.identity.model;

import dev.helix.shared.error.InvalidInputException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The roles of C8. Their lower-case names are the security groups and roles of the application. */
public enum Role {
    ADMIN, OPERATOR, DEVELOPER, VIEWER;

    private static final Map<String, Role> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Role::roleName, r -> r));

    /** The name used as security role and group, e.g. {@code admin}. */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The names of these roles, sorted, e.g. {@code [admin, viewer]}. */
    public static Set<String> names(Set<Role> roles) {
        return roles.stream().map(Role::roleName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The roles of these names; an unknown name is bad input. */
    public static Set<Role> allNamed(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            roles.add(byName(name).orElseThrow(() -> new InvalidInputException(
                    "roles must be among admin, operator, developer, viewer, not '" + name + "'")));
        }
        return roles;
    }

    /** The role with this name, in any case; empty when there is none. */
    public static Optional<Role> byName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name.strip().toLowerCase(Locale.ROOT)));
    }
}
