package dev.helix.web.api.admin;

import dev.helix.identity.model.Permission;
import dev.helix.sandbox.model.SandboxStatus;
import dev.helix.sandbox.service.Sandbox;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Which isolation agents' commands run under on this server, for administrators. */
@Path("/admin/sandbox")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class SandboxResource {

    @Inject
    Sandbox sandbox;

    @GET
    @RequiresPermission(Permission.SECURITY_MANAGE)
    @Operation(summary = "The sandbox commands run in: its isolation (bubblewrap, or none when commands are refused), "
            + "the user they run as and their limits")
    public SandboxStatus status() {
        return sandbox.status();
    }
}
