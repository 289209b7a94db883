package dev.helix.web.api.admin;

import dev.helix.identity.model.Permission;
import dev.helix.sso.model.RoleSyncReport;
import dev.helix.sso.model.SsoConfiguration;
import dev.helix.sso.service.OpenIdProvider;
import dev.helix.sso.service.RealmRoleSync;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Single sign-on for administrators: how it is configured, and putting Helix's roles into the Keycloak realm. */
@Path("/admin/sso")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class SingleSignOnResource {

    /** The single sign-on configuration as the API shows it: never the client secret. */
    public record SsoView(boolean enabled, String issuer, String clientId, Map<String, String> roleMapping) {

        static SsoView of(SsoConfiguration c) {
            return new SsoView(c.enabled(), c.issuer().map(Object::toString).orElse(null), c.clientId(),
                    c.realmRoles().mapping());
        }
    }

    @Inject
    OpenIdProvider provider;

    @Inject
    RealmRoleSync sync;

    @GET
    @RequiresPermission(Permission.SECURITY_MANAGE)
    @Operation(summary = "The single sign-on configuration",
            description = "Issuer, client id and which realm role stands for which Helix role. Configured with "
                    + "helix.oidc.issuer, helix.oidc.client-id and helix.oidc.role-prefix; the client secret lives in "
                    + "the secret vault as oidc.client-secret.")
    public SsoView configuration() {
        return SsoView.of(provider.configuration());
    }

    @POST
    @Path("/role-sync")
    @RequiresPermission(Permission.ROLE_MANAGE)
    @Audited("sso.role-sync")
    @Operation(summary = "Put Helix's roles into the Keycloak realm",
            description = "Creates a realm role for each Helix role that lacks one and writes the permissions each "
                    + "grants into its description. 503 when single sign-on is off or Keycloak refuses.")
    public RoleSyncReport synchronise() {
        return sync.synchronise();
    }
}
