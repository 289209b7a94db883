package dev.helix.web.api.admin;

import dev.helix.identity.model.Permission;
import dev.helix.secrets.model.Rotation;
import dev.helix.secrets.model.StoredSecret;
import dev.helix.secrets.service.SecretVault;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Secrets for administrators: write-only values, names and key ids to read, and key rotation. */
@Path("/admin/secrets")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class SecretResource {

    /** Body of {@code PUT /api/v1/admin/secrets/{name}}. */
    public record SecretValue(@NotNull(message = "must hold the secret") String value) {

        @Override
        public String toString() {
            return "SecretValue[value=(hidden)]";
        }
    }

    /** A secret as the API shows it: never its value. */
    public record SecretView(String name, String keyId, Instant updatedAt) {

        static SecretView of(StoredSecret s) {
            return new SecretView(s.getName(), s.getKeyId(), s.getUpdatedAt());
        }
    }

    @Inject
    SecretVault vault;

    @GET
    @RequiresPermission(Permission.SECURITY_MANAGE)
    @Operation(summary = "The secrets' names and the keys they are encrypted under, never their values")
    public List<SecretView> list() {
        return vault.all().stream().map(SecretView::of).toList();
    }

    @PUT
    @Path("/{name}")
    @RequiresPermission(Permission.SECURITY_MANAGE)
    @Audited("secret.put")
    @Operation(summary = "Store a secret, encrypted (AES-256-GCM); its value is never shown again")
    public SecretView put(@PathParam("name") String name, @NotNull(message = "a JSON body is required") @Valid SecretValue body) {
        return SecretView.of(vault.put(name, body.value()));
    }

    @DELETE
    @Path("/{name}")
    @RequiresPermission(Permission.SECURITY_MANAGE)
    @Audited("secret.delete")
    @Operation(summary = "Delete a secret")
    public Response delete(@PathParam("name") String name) {
        vault.delete(name);
        return Response.noContent().build();
    }

    @POST
    @Path("/rotate")
    @RequiresPermission(Permission.SECURITY_MANAGE)
    @Audited("secret.rotate-key")
    @Operation(summary = "Make a new key active and re-encrypt every secret under it",
            description = "Old keys stay in the key ring, so secrets read during the rotation still decrypt.")
    public Rotation rotate() {
        return vault.rotate();
    }
}
