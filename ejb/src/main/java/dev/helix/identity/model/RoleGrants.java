package dev.helix.identity.model;

import dev.helix.shared.error.InvalidInputException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The role × permission matrix: which permissions each role grants. A caller holds the union of its roles'
 * grants. The administrator role always keeps {@link Permission#ROLE_MANAGE}, so the matrix can never lock
 * every administrator out of itself.
 */
public final class RoleGrants {

    private final Map<Role, Set<Permission>> grants;

    public RoleGrants(Map<Role, Set<Permission>> grants) {
        EnumMap<Role, Set<Permission>> copy = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            Set<Permission> granted = grants.getOrDefault(role, Set.of());
            copy.put(role, Collections.unmodifiableSet(granted.isEmpty() ? EnumSet.noneOf(Permission.class)
                    : EnumSet.copyOf(granted)));
        }
        this.grants = Collections.unmodifiableMap(copy);
    }

    public Set<Permission> of(Role role) {
        return grants.get(role);
    }

    /** The permissions of a caller with these roles. */
    public Set<Permission> ofRoles(Set<Role> roles) {
        EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
        roles.forEach(role -> all.addAll(grants.get(role)));
        return all;
    }

    /** The matrix with one role's permissions replaced. */
    public RoleGrants with(Role role, Set<Permission> permissions) {
        if (role == Role.ADMIN && !permissions.contains(Permission.ROLE_MANAGE)) {
            throw new InvalidInputException("The admin role must keep " + Permission.ROLE_MANAGE.permissionName()
                    + ", or nobody could edit the permission matrix again");
        }
        EnumMap<Role, Set<Permission>> changed = new EnumMap<>(grants);
        changed.put(role, permissions);
        return new RoleGrants(changed);
    }
}
