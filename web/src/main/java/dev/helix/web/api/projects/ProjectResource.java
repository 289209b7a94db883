package dev.helix.web.api.projects;

import dev.helix.identity.model.Permission;
import dev.helix.projects.service.Projects;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Projects: the git repositories tasks work in, registered where they are, cloned, or hosted by Helix. */
@Path("/projects")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class ProjectResource {

    private static final String BODY_REQUIRED = "a JSON body is required";

    @Inject
    Projects projects;

    @GET
    @RequiresPermission(Permission.PROJECT_READ)
    @Operation(summary = "The projects, by name")
    public List<ProjectView> list() {
        return projects.all().stream().map(ProjectView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RequiresPermission(Permission.PROJECT_READ)
    @Operation(summary = "One project")
    public ProjectView get(@PathParam("id") long id) {
        return ProjectView.of(projects.find(id));
    }

    @POST
    @RequiresPermission(Permission.PROJECT_MANAGE)
    @Audited("project.create")
    @Operation(summary = "Register a repository where it is, clone one from a URL, or create one Helix hosts",
            description = "repository is {\"path\":\"/srv/repo\"}, {\"url\":\"https://...\"} or {\"create\":true}; the default "
                    + "branch is the repository's HEAD unless given; testCommand runs in the sandbox.")
    public Response register(@NotNull(message = BODY_REQUIRED) ProjectRequest request, @Context UriInfo uri) {
        ProjectView created = ProjectView.of(projects.register(request.definition()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RequiresPermission(Permission.PROJECT_MANAGE)
    @Audited("project.update")
    @Operation(summary = "Change a project's name, default branch or test command; what is left out stays")
    public ProjectView change(@PathParam("id") long id, @NotNull(message = BODY_REQUIRED) ProjectRequest request) {
        if (request.repository() != null) {
            throw new InvalidInputException("repository cannot change; register a new project instead");
        }
        return ProjectView.of(projects.change(id, request.name(), request.defaultBranch(), request.testCommand()));
    }

    @DELETE
    @Path("/{id}")
    @RequiresPermission(Permission.PROJECT_MANAGE)
    @Audited("project.delete")
    @Operation(summary = "Remove a project; a repository Helix cloned or hosts is removed with it, one registered where it "
            + "is stays. Refused while tasks name the project.")
    public Response delete(@PathParam("id") long id) {
        projects.delete(id);
        return Response.noContent().build();
    }
}
