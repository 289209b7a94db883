package dev.helix.web.api.admin;

import dev.helix.identity.model.Permission;
import dev.helix.identity.model.Role;
import dev.helix.identity.model.RoleGrants;
import dev.helix.identity.service.PermissionMatrix;
import dev.helix.shared.error.NotFoundException;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The role × permission matrix: the permissions there are, and which each role grants (editable). */
@Path("/admin")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class RoleResource {

    /** A permission as the API shows it. */
    public record PermissionView(String name, String description) {
    }

    /** A role and the permissions it grants. */
    public record RoleView(String role, Set<String> permissions) {

        static RoleView of(RoleGrants grants, Role role) {
            return new RoleView(role.roleName(), Permission.names(grants.of(role)));
        }
    }

    /** Body of {@code PUT /api/v1/admin/roles/{role}}: every permission the role grants from now on. */
    public record RoleGrant(@NotNull(message = "must list the role's permissions (may be empty)") List<String> permissions) {
    }

    @Inject
    PermissionMatrix matrix;

    @Inject
    AuditContext audit;

    @GET
    @Path("/permissions")
    @RequiresPermission(Permission.ROLE_MANAGE)
    @Operation(summary = "Every permission Helix knows")
    public List<PermissionView> permissions() {
        return Arrays.stream(Permission.values()).map(p -> new PermissionView(p.permissionName(), p.description())).toList();
    }

    @GET
    @Path("/roles")
    @RequiresPermission(Permission.ROLE_MANAGE)
    @Operation(summary = "The role × permission matrix")
    public List<RoleView> roles() {
        RoleGrants grants = matrix.grants();
        return Arrays.stream(Role.values()).map(role -> RoleView.of(grants, role)).toList();
    }

    @PUT
    @Path("/roles/{role}")
    @RequiresPermission(Permission.ROLE_MANAGE)
    @Operation(summary = "Set the permissions a role grants",
            description = "Takes effect at once on this server and within seconds on the others. The admin role "
                    + "always keeps role:manage (422).")
    @Audited("role.grant")
    public RoleView grant(@PathParam("role") String role, @NotNull(message = "a JSON body is required") @Valid RoleGrant body) {
        Role target = Role.byName(role).orElseThrow(() -> new NotFoundException("Role", role));
        Set<Permission> permissions = Permission.allNamed(body.permissions());
        RoleView before = RoleView.of(matrix.grants(), target);
        RoleView after = RoleView.of(matrix.grant(target, permissions), target);
        audit.change(before, after);
        return after;
    }
}
