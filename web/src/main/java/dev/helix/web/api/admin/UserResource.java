package dev.helix.web.api.admin;

import dev.helix.identity.model.Permission;
import dev.helix.identity.model.Role;
import dev.helix.identity.model.AccountOrigin;
import dev.helix.identity.model.User;
import dev.helix.identity.service.ApiKeys;
import dev.helix.identity.service.PermissionMatrix;
import dev.helix.identity.service.UserDirectory;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.web.api.me.ApiKeyResource;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** User accounts, for administrators: create, read, change roles, disable/enable, reset password, delete. */
@Path("/admin/users")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class UserResource {

    private static final String BODY_REQUIRED = "a JSON body is required";

    /** Body of {@code POST /api/v1/admin/users}. */
    public record NewUser(@NotBlank(message = "must not be blank") String username,
                          @NotBlank(message = "must not be blank") String password,
                          @NotEmpty(message = "must name at least one of admin, operator, developer, viewer") List<String> roles) {
    }

    /** Body of {@code PUT /api/v1/admin/users/{username}}: what to change; absent fields stay as they are. */
    public record UserChange(List<String> roles, Boolean enabled) {
    }

    /** Body of {@code POST /api/v1/admin/users/{username}/password}. */
    public record PasswordReset(@NotBlank(message = "must not be blank") String password) {
    }

    /** A user as the API shows it; never the password hash. */
    public record UserView(String username, Set<String> roles, boolean enabled, AccountOrigin origin, Instant createdAt) {

        static UserView of(User u) {
            return new UserView(u.getUsername(), u.getRoles(), u.isEnabled(), u.getOrigin(), u.getCreatedAt());
        }
    }

    @Inject
    UserDirectory users;

    @Inject
    AuditContext audit;

    @Inject
    ApiKeys keys;

    @Inject
    PermissionMatrix matrix;

    @Inject
    Caller caller;

    @GET
    @RequiresPermission(Permission.USER_READ)
    @Operation(summary = "All users")
    public List<UserView> list() {
        return users.users().stream().map(UserView::of).toList();
    }

    @GET
    @Path("/{username}")
    @RequiresPermission(Permission.USER_READ)
    @Operation(summary = "One user")
    public UserView get(@PathParam("username") String username) {
        return UserView.of(users.existing(username));
    }

    @POST
    @RequiresPermission(Permission.USER_MANAGE)
    @Operation(summary = "Create a user with roles")
    @Audited("user.create")
    public Response create(@NotNull(message = BODY_REQUIRED) @Valid NewUser user, @Context UriInfo uri) {
        UserView created = UserView.of(users.create(user.username(), user.password(), Role.allNamed(user.roles())));
        return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build()).entity(created).build();
    }

    @PUT
    @Path("/{username}")
    @RequiresPermission(Permission.USER_MANAGE)
    @Operation(summary = "Change a user's roles, or disable or enable the account",
            description = "The last enabled administrator can be neither disabled nor demoted (409).")
    @Audited("user.update")
    public UserView update(@PathParam("username") String username, @NotNull(message = BODY_REQUIRED) UserChange change) {
        UserView before = UserView.of(users.existing(username));
        UserView after = UserView.of(users.update(username, Optional.ofNullable(change.roles()).map(Role::allNamed),
                Optional.ofNullable(change.enabled())));
        audit.change(before, after);
        return after;
    }

    @POST
    @Path("/{username}/password")
    @RequiresPermission(Permission.USER_MANAGE)
    @Operation(summary = "Reset a user's password")
    @Audited("user.reset-password")
    public Response resetPassword(@PathParam("username") String username,
                                  @NotNull(message = BODY_REQUIRED) @Valid PasswordReset reset) {
        users.changePassword(username, reset.password());
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{username}")
    @RequiresPermission(Permission.USER_MANAGE)
    @Operation(summary = "Delete a user", description = "The last enabled administrator cannot be deleted (409).")
    @Audited("user.delete")
    public Response delete(@PathParam("username") String username) {
        users.delete(username);
        return Response.noContent().build();
    }

    @POST
    @Path("/{username}/api-keys")
    @RequiresPermission(Permission.USER_MANAGE)
    @Audited("apikey.issue-for-user")
    @Operation(summary = "Issue an API key for another user, e.g. a service account",
            description = "Scopes lie within that user's permissions. The answer holds the key's text, only this once.")
    public Response issueKey(@PathParam("username") String username,
                             @NotNull(message = BODY_REQUIRED) @Valid ApiKeyResource.NewApiKey request, @Context UriInfo uri) {
        User owner = users.existing(username);
        // Never wider than the owner, nor than the caller (whose API key may itself be narrow).
        Set<Permission> ceiling = Permission.intersect(matrix.permissionsOf(owner.getRoles()), caller.permissions());
        return ApiKeyResource.ApiKeyView.created(keys.issue(owner.getUsername(), request.name(),
                ApiKeyResource.scopes(request.scopes()), ceiling, request.expiresAt(), request.rateLimitPerMinute()), uri);
    }

    @GET
    @Path("/{username}/api-keys")
    @RequiresPermission(Permission.USER_READ)
    @Operation(summary = "A user's API keys, never their text")
    public List<ApiKeyResource.ApiKeyView> keysOf(@PathParam("username") String username) {
        return keys.keysOf(users.existing(username).getUsername()).stream()
                .map(k -> ApiKeyResource.ApiKeyView.of(k, null)).toList();
    }

    @DELETE
    @Path("/{username}/api-keys/{id}")
    @RequiresPermission(Permission.USER_MANAGE)
    @Audited("apikey.revoke-for-user")
    @Operation(summary = "Revoke one of a user's API keys")
    public Response revokeKey(@PathParam("username") String username, @PathParam("id") long id) {
        keys.revoke(username, id);
        return Response.noContent().build();
    }

}
