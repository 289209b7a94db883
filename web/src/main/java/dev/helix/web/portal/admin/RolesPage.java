package dev.helix.web.portal.admin;

import dev.helix.identity.model.Permission;
import dev.helix.identity.model.Role;
import dev.helix.identity.model.RoleGrants;
import dev.helix.identity.service.PermissionMatrix;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.portal.ActionPermission;
import dev.helix.web.portal.PortalMessages;
import dev.helix.web.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The roles page: the role × permission matrix as check boxes, saved as a whole. */
@Named
@RequestScoped
public class RolesPage {

    @Inject
    PermissionMatrix matrix;

    @Inject
    ActionPermission permission;

    @Inject
    Caller caller;

    @Inject
    PortalMessages messages;

    @Inject
    AuditContext audit;

    /** Role name to permission name to granted; the check boxes write into it. */
    private final Map<String, Map<String, Boolean>> granted = new LinkedHashMap<>();

    @PostConstruct
    void load() {
        if (!caller.may(Permission.ROLE_MANAGE)) {
            return;
        }
        RoleGrants grants = matrix.grants();
        for (Role role : Role.values()) {
            Map<String, Boolean> row = new TreeMap<>();
            for (Permission p : Permission.values()) {
                row.put(p.permissionName(), grants.of(role).contains(p));
            }
            granted.put(role.roleName(), row);
        }
    }

    public List<String> getRoleNames() {
        return Arrays.stream(Role.values()).map(Role::roleName).toList();
    }

    public List<Permission> getPermissions() {
        return List.of(Permission.values());
    }

    public Map<String, Map<String, Boolean>> getGranted() {
        return granted;
    }

    /** Saves every role whose permissions changed. */
    @Audited("role.change")
    public void save() {
        if (!permission.granted(Permission.ROLE_MANAGE, "Changing the permission matrix")) {
            return;
        }
        messages.attempt(() -> {
            RoleGrants before = matrix.grants();
            Map<String, Set<String>> was = new TreeMap<>();
            Map<String, Set<String>> now = new TreeMap<>();
            for (Role role : Role.values()) {
                Set<Permission> wanted = EnumSet.noneOf(Permission.class);
                granted.get(role.roleName()).forEach((name, on) -> {
                    if (Boolean.TRUE.equals(on)) {
                        Permission.byName(name).ifPresent(wanted::add);
                    }
                });
                if (!wanted.equals(before.of(role))) {
                    was.put(role.roleName(), Permission.names(before.of(role)));
                    matrix.grant(role, wanted);
                    now.put(role.roleName(), Permission.names(wanted));
                }
            }
            audit.target("/api/v1/admin/roles");
            audit.change(was, now);
            messages.done(now.isEmpty() ? "Nothing changed" : "Saved: " + String.join(", ", now.keySet()));
        });
    }
}
