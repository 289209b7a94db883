package dev.helix.web.security;

import dev.helix.identity.model.Permission;
import dev.helix.identity.model.Role;
import dev.helix.identity.service.PermissionMatrix;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who is calling in this request and what they may do: the permissions their roles grant in the
 * {@link PermissionMatrix}. REST checks and portal pages ({@code #{caller.may('task:decide')}}) ask it.
 */
@Named
@RequestScoped
public class Caller {

    @Inject
    SecurityContext security;

    @Inject
    PermissionMatrix matrix;

    private Set<Permission> permissions;

    public String name() {
        Principal principal = security.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }

    /** The caller's role names, e.g. {@code [developer]}. */
    public Set<String> roles() {
        return Arrays.stream(Role.values()).map(Role::roleName).filter(security::isCallerInRole)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public Set<Permission> permissions() {
        if (permissions == null) {
            permissions = name() == null ? Set.of() : matrix.permissionsOf(roles());
        }
        return permissions;
    }

    public boolean may(Permission permission) {
        return permissions().contains(permission);
    }

    /** For pages: whether the caller holds the permission of this name, e.g. {@code task:decide}. */
    public boolean may(String permissionName) {
        return Permission.byName(permissionName).map(this::may).orElse(false);
    }
}
