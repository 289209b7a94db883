package dev.helix.web.api.chatops;

import dev.helix.chatops.model.ChatPlatform;
import dev.helix.chatops.model.LinkCode;
import dev.helix.chatops.service.ChatLinks;
import dev.helix.identity.model.Permission;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own chat accounts: a one-time code to send from the chat ({@code link <code>}), the accounts linked, and
 * unlinking.
 */
@Path("/me/chat-links")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
public class ChatLinkResource {

    /** A code to send from the chat as {@code link <code>}, and until when it is valid. */
    public record CodeView(String code, Instant expiresAt) {
    }

    @Inject
    ChatLinks links;

    @Inject
    Caller caller;


    @POST
    @RequiresPermission(Permission.SELF_MANAGE)
    @Operation(summary = "A one-time code (ten minutes) that links the chat account which sends it as `link <code>`")
    @Audited("chatops.link-code")
    public Response code() {
        LinkCode code = links.newCode(caller.name());
        return Response.status(201).entity(new CodeView(code.getCode(), code.getExpiresAt())).build();
    }

    @GET
    @RequiresPermission(Permission.SELF_MANAGE)
    @Operation(summary = "The caller's linked chat accounts")
    public List<ChatOpsView.LinkView> list() {
        return links.links(caller.name()).stream().map(ChatOpsView.LinkView::of).toList();
    }

    @DELETE
    @Path("/{platform}")
    @RequiresPermission(Permission.SELF_MANAGE)
    @Operation(summary = "Unlink the caller's chat account on a platform (discord or slack)")
    @Audited("chatops.unlink")
    public Response unlink(@PathParam("platform") String platform) {
        links.unlink(caller.name(), platform(platform));
        return Response.noContent().build();
    }

    private static ChatPlatform platform(String name) {
        try {
            return ChatPlatform.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("platform must be discord or slack");
        }
    }
}
