package dev.helix.web.api.chatops;

import dev.helix.chatops.service.ChatLinks;
import dev.helix.chatops.service.ChatOpsSettings;
import dev.helix.identity.model.Permission;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The chat platforms' keys (in the vault) and the linked chat users, for administrators. */
@Path("/admin/chatops")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class ChatOpsAdminResource {

    @Inject
    ChatOpsSettings settings;

    @Inject
    ChatLinks links;

    @Inject
    AuditContext audit;

    @GET
    @RequiresPermission(Permission.SECURITY_MANAGE)
    @Operation(summary = "Which chat platforms are configured, and the linked chat users")
    public ChatOpsView get() {
        String discord = settings.discordPublicKey().orElse(null);
        return new ChatOpsView(discord != null, discord, settings.slackSigningSecret().isPresent(),
                links.links(null).stream().map(ChatOpsView.LinkView::of).toList());
    }

    @PUT
    @RequiresPermission(Permission.SECURITY_MANAGE)
    @Operation(summary = "Set Discord's public key and Slack's signing secret (kept in the vault)")
    @Audited("chatops.configure")
    public ChatOpsView configure(@NotNull(message = "a JSON body is required") ChatOpsRequest request) {
        if (request.discord() != null && request.discord().publicKey() != null) {
            settings.discordPublicKey(request.discord().publicKey().strip());
        }
        if (request.slack() != null && request.slack().signingSecret() != null) {
            settings.slackSigningSecret(request.slack().signingSecret().strip());
        }
        ChatOpsView now = get();
        audit.change(null, Map.of("discordConfigured", now.discordConfigured(), "slackConfigured", now.slackConfigured()));
        return now;
    }
}
