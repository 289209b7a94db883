package dev.helix.web.api.me;

import dev.helix.identity.model.Permission;
import dev.helix.identity.service.UserDirectory;
import dev.helix.notifications.service.Notifications;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own account: who they are, what they may do, and their password. */
@Path("/me")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
public class MeResource {

    private static final int NOTIFICATIONS = 100;

    /** The caller as the API shows them. */
    public record Profile(String username, Set<String> roles, Set<String> permissions) {
    }

    /** Body of {@code PUT /api/v1/me/password}. */
    public record PasswordChange(@NotBlank(message = "must not be blank") String currentPassword,
                                 @NotBlank(message = "must not be blank") String newPassword) {
    }

    @Inject
    Caller caller;

    @Inject
    UserDirectory users;

    @Inject
    Notifications notifications;

    @GET
    @RequiresPermission(Permission.SELF_MANAGE)
    @Operation(summary = "Who am I, with my roles and permissions")
    public Profile profile() {
        return new Profile(caller.name(), caller.roles(), Permission.names(caller.permissions()));
    }

    @GET
    @Path("/notifications")
    @RequiresPermission(Permission.SELF_MANAGE)
    @Operation(summary = "My newest notifications (e.g. from spirals), newest first")
    public List<NotificationView> notifications() {
        return notifications.of(caller.name(), NOTIFICATIONS).stream().map(NotificationView::of).toList();
    }

    @PUT
    @Path("/password")
    @RequiresPermission(Permission.SELF_MANAGE)
    @Operation(summary = "Change my own password", description = "Needs the current password (422 when it is wrong).")
    @Audited("me.change-password")
    public Response changePassword(@NotNull(message = "a JSON body is required") @Valid PasswordChange change) {
        users.changeOwnPassword(caller.name(), change.currentPassword(), change.newPassword());
        return Response.noContent().build();
    }
}
