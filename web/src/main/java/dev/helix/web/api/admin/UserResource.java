package dev.helix.web.api.admin;

import dev.helix.identity.model.Role;
import dev.helix.identity.model.User;
import dev.helix.identity.service.UserDirectory;
import dev.helix.shared.model.InvalidInputException;
import dev.helix.web.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** User accounts, for administrators. */
@Path("/admin/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
public class UserResource {

    /** Body of {@code POST /api/v1/admin/users}. */
    public record NewUser(@NotBlank(message = "must not be blank") String username,
                          @NotBlank(message = "must not be blank") String password,
                          @NotEmpty(message = "must name at least one of admin, operator, developer, viewer") List<String> roles) {
    }

    /** A user as the API shows it; never the password hash. */
    public record UserView(String username, Set<String> roles, boolean enabled, Instant createdAt) {

        static UserView of(User u) {
            return new UserView(u.getUsername(), u.getRoles(), u.isEnabled(), u.getCreatedAt());
        }
    }

    @Inject
    UserDirectory users;

    @GET
    @Operation(summary = "All users")
    public List<UserView> list() {
        return users.users().stream().map(UserView::of).toList();
    }

    @POST
    @Operation(summary = "Create a user with roles")
    public Response create(@NotNull(message = "a JSON body is required") @Valid NewUser user, @Context UriInfo uri) {
        Set<Role> roles;
        try {
            roles = user.roles().stream().map(Role::of).collect(Collectors.toSet());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("roles must be among admin, operator, developer, viewer");
        }
        UserView created = UserView.of(users.create(user.username(), user.password(), roles));
        return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build()).entity(created).build();
    }
}
