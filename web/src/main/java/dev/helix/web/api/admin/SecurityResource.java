package dev.helix.web.api.admin;

import dev.helix.identity.model.Permission;
import dev.helix.identity.model.SecurityPolicy;
import dev.helix.identity.service.SecuritySettings;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Security settings administrators change at run time. */
@Path("/admin/security")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class SecurityResource {

    /** Body of {@code PUT /api/v1/admin/security}. */
    public record PolicyChange(@NotNull(message = "must be true or false") Boolean basicAuthEnabled) {
    }

    @Inject
    SecuritySettings settings;

    @Inject
    AuditContext audit;

    @GET
    @RequiresPermission(Permission.SECURITY_MANAGE)
    @Operation(summary = "The security settings")
    public SecurityPolicy policy() {
        return settings.policy();
    }

    @PUT
    @RequiresPermission(Permission.SECURITY_MANAGE)
    @Audited("security.change")
    @Operation(summary = "Change the security settings",
            description = "basicAuthEnabled=false refuses HTTP Basic on the API (401); API keys and the portal's "
                    + "sign-in page keep working. Applies at once here, within seconds on other servers.")
    public SecurityPolicy change(@NotNull(message = "a JSON body is required") @Valid PolicyChange change) {
        SecurityPolicy before = settings.policy();
        SecurityPolicy after = settings.change(new SecurityPolicy(change.basicAuthEnabled()));
        audit.change(before, after);
        return after;
    }
}
