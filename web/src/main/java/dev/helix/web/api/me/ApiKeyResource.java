package dev.helix.web.api.me;

import dev.helix.identity.model.ApiKey;
import dev.helix.identity.model.IssuedApiKey;
import dev.helix.identity.model.Permission;
import dev.helix.identity.service.ApiKeys;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own API keys: issue one (its text is shown only in that answer), list them, revoke one. */
@Path("/me/api-keys")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
public class ApiKeyResource {

    /** Body of {@code POST /api/v1/me/api-keys}. */
    public record NewApiKey(@NotBlank(message = "must not be blank") String name, List<String> scopes,
                            Instant expiresAt, Integer rateLimitPerMinute) {
    }

    /** A key as the API shows it: never its text or hash, except {@code key} once, right after it was issued. */
    public record ApiKeyView(long id, String name, String prefix, String key, Set<String> scopes, Instant expiresAt,
                             Integer rateLimitPerMinute, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

        public static ApiKeyView of(ApiKey k, String key) {
            return new ApiKeyView(k.getId(), k.getName(), k.getPrefix(), key, Permission.names(k.getScopes()),
                    k.getExpiresAt(), k.getRateLimitPerMinute(), k.getCreatedAt(), k.getLastUsedAt(), k.getRevokedAt());
        }

        /** The 201 answer to issuing a key: its location and, this once, its text. */
        public static Response created(IssuedApiKey issued, UriInfo uri) {
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(issued.stored().getId())).build())
                    .entity(of(issued.stored(), issued.key())).build();
        }
    }

    @Inject
    ApiKeys keys;

    @Inject
    Caller caller;

    @POST
    @RequiresPermission(Permission.SELF_MANAGE)
    @Audited("apikey.issue")
    @Operation(summary = "Issue an API key for myself",
            description = "scopes: permissions the key carries, among my own (default: all of them, as they are now). "
                    + "The answer holds the key's text; it is never shown again. Use it as 'Authorization: Bearer <key>' "
                    + "or 'X-API-Key: <key>'.")
    public Response issue(@NotNull(message = "a JSON body is required") @Valid NewApiKey request, @Context UriInfo uri) {
        return ApiKeyView.created(keys.issue(caller.name(), request.name(), scopes(request.scopes()), caller.permissions(),
                request.expiresAt(), request.rateLimitPerMinute()), uri);
    }

    @GET
    @RequiresPermission(Permission.SELF_MANAGE)
    @Operation(summary = "My API keys, revoked and expired ones included")
    public List<ApiKeyView> list() {
        return keys.keysOf(caller.name()).stream().map(k -> ApiKeyView.of(k, null)).toList();
    }

    @DELETE
    @Path("/{id}")
    @RequiresPermission(Permission.SELF_MANAGE)
    @Audited("apikey.revoke")
    @Operation(summary = "Revoke one of my API keys", description = "It is refused from then on (401).")
    public Response revoke(@PathParam("id") long id) {
        keys.revoke(caller.name(), id);
        return Response.noContent().build();
    }

    /** The named permissions; empty when no scopes were given. */
    public static Optional<Set<Permission>> scopes(List<String> names) {
        return Optional.ofNullable(names).map(Permission::allNamed);
    }
}
