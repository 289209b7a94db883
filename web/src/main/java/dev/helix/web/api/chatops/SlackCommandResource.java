package dev.helix.web.api.chatops;

import dev.helix.chatops.model.ChatPlatform;
import dev.helix.chatops.model.SlackSignature;
import dev.helix.chatops.service.ChatOpsSettings;
import dev.helix.web.security.SignedRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Slack's slash command endpoint ({@code /helix <command>}): each request is checked against the app's signing secret
 * ({@code X-Slack-Signature} v0 over the timestamp and the raw body; a timestamp older than five minutes is refused;
 * 401 and nothing done when either fails), and the command is run ({@link ChatCommands}) and answered in blocks, in
 * the channel for results and to the asker alone for help and refusals.
 */
@Path("/chatops/slack")
@ApplicationScoped
@Tag(name = "Chat-ops")
public class SlackCommandResource {

    /** Slack takes messages at a command's response_url for half an hour. */
    private static final Duration RESPONSE_URL_VALID_FOR = Duration.ofMinutes(30);

    @Inject
    ChatOpsSettings settings;

    @Inject
    ChatCommands commands;

    /** Follow-ups go only to Slack's own hooks (another response_url would make Helix call where it says). */
    @Inject
    @ConfigProperty(name = "helix.chatops.slack.response-url-prefix", defaultValue = "https://hooks.slack.com/")
    String responseUrlPrefix;

    @POST
    @SignedRequest
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Slack slash commands (signed by Slack)",
            description = "401 for a missing, wrong or stale signature; 404 while Slack is not configured.")
    public Response command(byte[] body, @HeaderParam("X-Slack-Signature") String signature,
                            @HeaderParam("X-Slack-Request-Timestamp") String timestamp) {
        Optional<String> secret = settings.slackSigningSecret();
        if (secret.isEmpty()) {
            return ChatRefusals.notConfigured("Slack");
        }
        Optional<String> refusal = SlackSignature.refusal(secret.get(), timestamp, signature, body, Instant.now());
        if (refusal.isPresent()) {
            return ChatRefusals.badSignature(refusal.get());
        }
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        // A Slack user is a user of one workspace: an app installed in several sees the same user ids in each.
        String chatUser = form.getOrDefault("team_id", "") + "/" + form.getOrDefault("user_id", "");
        String responseUrl = form.getOrDefault("response_url", "");
        ChatCommands.FollowUp followUp = responseUrl.startsWith(responseUrlPrefix)
                ? new ChatCommands.FollowUp(responseUrl, RESPONSE_URL_VALID_FOR) : null;
        ChatReply reply = commands.run(ChatPlatform.SLACK, chatUser, form.getOrDefault("text", ""), followUp);
        return Response.ok(answer(reply)).build();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static JsonObject answer(ChatReply reply) {
        String text = "*" + reply.title() + "*" + (reply.lines().isEmpty() ? "" : "\n" + String.join("\n", reply.lines()));
        return Json.createObjectBuilder()
                .add("response_type", reply.forChannel() ? "in_channel" : "ephemeral")
                .add("text", reply.title())
                .add("blocks", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "section")
                        .add("text", Json.createObjectBuilder().add("type", "mrkdwn").add("text", text))))
                .build();
    }
}
