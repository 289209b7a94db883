package dev.helix.web.api.agents;

import dev.helix.agents.model.AgentSession;
import dev.helix.agents.model.PoolStatistics;
import dev.helix.agents.service.AgentGallery;
import dev.helix.agents.service.AgentMailbox;
import dev.helix.agents.service.AgentPool;
import dev.helix.identity.model.Permission;
import dev.helix.shared.error.InvalidInputException;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The agent gallery (profiles) and the pool of agent instances. */
@Path("/agents")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agents")
public class AgentResource {

    private static final String BODY_REQUIRED = "a JSON body is required";
    private static final int INBOX_SIZE = 100;

    @Inject
    AgentGallery gallery;

    @Inject
    AgentPool pool;

    @Inject
    AgentMailbox mailbox;

    @GET
    @Path("/profiles")
    @RequiresPermission(Permission.AGENT_READ)
    @Operation(summary = "The agent gallery")
    public List<ProfileView> profiles() {
        return gallery.profiles().stream().map(ProfileView::of).toList();
    }

    @GET
    @Path("/profiles/{role}/inbox")
    @RequiresPermission(Permission.AGENT_READ)
    @Operation(summary = "The newest messages to the agents of a role (e.g. from spirals), newest first")
    public List<MessageView> inbox(@PathParam("role") String role) {
        gallery.profile(role);
        return mailbox.inbox(role, INBOX_SIZE).stream().map(MessageView::of).toList();
    }

    @GET
    @Path("/profiles/{role}")
    @RequiresPermission(Permission.AGENT_READ)
    @Operation(summary = "One agent profile")
    public ProfileView profile(@PathParam("role") String role) {
        return ProfileView.of(gallery.profile(role));
    }

    @POST
    @Path("/profiles")
    @RequiresPermission(Permission.PROFILE_MANAGE)
    @Operation(summary = "Add a custom agent profile")
    @Audited("profile.create")
    public Response addProfile(@NotNull(message = BODY_REQUIRED) @Valid ProfileRequest p, @Context UriInfo uri) {
        ProfileView created = ProfileView.of(gallery.add(p.role(), p.displayName(), p.description(), p.capabilities(), p.provider(), p.model()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.role()).build()).entity(created).build();
    }

    @PUT
    @Path("/profiles/{role}")
    @RequiresPermission(Permission.PROFILE_MANAGE)
    @Operation(summary = "Edit an agent profile")
    @Audited("profile.update")
    public ProfileView updateProfile(@PathParam("role") String role, @NotNull(message = BODY_REQUIRED) @Valid ProfileRequest p) {
        return ProfileView.of(gallery.update(role, p.displayName(), p.description(), p.capabilities(), p.provider(), p.model()));
    }

    @GET
    @RequiresPermission(Permission.AGENT_READ)
    @Operation(summary = "The agents of the pool")
    public List<AgentView> agents() {
        return pool.agents().stream().map(AgentView::of).toList();
    }

    @POST
    @RequiresPermission(Permission.AGENT_MANAGE)
    @Operation(summary = "Add an idle agent of a gallery role to the pool")
    @Audited("agent.create")
    public Response spawn(@NotNull(message = BODY_REQUIRED) @Valid AgentRequest request, @Context UriInfo uri) {
        if (request.role() == null || request.role().isBlank()) {
            throw new InvalidInputException("role is required: the gallery role of the new agent");
        }
        AgentView created = AgentView.of(pool.spawn(request.role(), request.name()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @GET
    @Path("/pool")
    @RequiresPermission(Permission.AGENT_READ)
    @Operation(summary = "Pool statistics: counts by status and role, utilisation")
    public PoolStatistics statistics() {
        return pool.statistics();
    }

    @GET
    @Path("/{id}")
    @RequiresPermission(Permission.AGENT_READ)
    @Operation(summary = "One agent with its metrics")
    public AgentView agent(@PathParam("id") long id) {
        return AgentView.of(pool.agent(id));
    }

    @GET
    @Path("/{id}/sessions")
    @RequiresPermission(Permission.AGENT_READ)
    @Operation(summary = "The agent's session history")
    public List<AgentSession> sessions(@PathParam("id") long id) {
        pool.agent(id);
        return pool.sessions(id);
    }

    @PUT
    @Path("/{id}")
    @RequiresPermission(Permission.AGENT_MANAGE)
    @Operation(summary = "Rename an agent, stop it, or bring it back to IDLE")
    @Audited("agent.update")
    public AgentView update(@PathParam("id") long id, @NotNull(message = BODY_REQUIRED) @Valid AgentRequest request) {
        return AgentView.of(pool.update(id, request.name(), request.status()));
    }

    @DELETE
    @Path("/{id}")
    @RequiresPermission(Permission.AGENT_MANAGE)
    @Operation(summary = "Remove an agent that never worked; agents with history are stopped instead")
    @Audited("agent.delete")
    public Response remove(@PathParam("id") long id) {
        pool.remove(id);
        return Response.noContent().build();
    }
}
