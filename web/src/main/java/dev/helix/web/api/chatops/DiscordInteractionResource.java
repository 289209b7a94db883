package dev.helix.web.api.chatops;

import dev.helix.chatops.model.ChatPlatform;
import dev.helix.chatops.model.DiscordSignature;
import dev.helix.chatops.service.ChatOpsSettings;
import dev.helix.shared.model.JsonText;
import dev.helix.web.api.problems.Problems;
import dev.helix.web.security.SignedRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Discord's interactions endpoint: each request is checked against the application's public key (Ed25519 over the
 * timestamp and the body; 401 and nothing done when it fails), a PING is answered with a PONG, and the {@code /helix}
 * command's {@code command} option is run ({@link ChatCommands}) and answered with an embed, visible to the asker
 * alone for help and refusals.
 */
@Path("/chatops/discord")
@ApplicationScoped
@Tag(name = "Chat-ops")
public class DiscordInteractionResource {

    private static final int PING = 1;
    private static final int APPLICATION_COMMAND = 2;
    private static final int PONG = 1;
    private static final int CHANNEL_MESSAGE = 4;
    private static final int EPHEMERAL = 64;
    private static final int GREEN = 0x2e7d32;
    private static final int GREY = 0x607d8b;
    /** Discord takes follow-up messages with an interaction's token for 15 minutes. */
    private static final Duration TOKEN_VALID_FOR = Duration.ofMinutes(15);

    @Inject
    ChatOpsSettings settings;

    @Inject
    ChatCommands commands;

    @Inject
    @ConfigProperty(name = "helix.chatops.discord.api-url", defaultValue = "https://discord.com/api/v10")
    String apiUrl;

    @POST
    @SignedRequest
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Discord interactions (signed by Discord)",
            description = "401 for a missing or wrong signature; 404 while Discord is not configured.")
    public Response interact(byte[] body, @HeaderParam("X-Signature-Ed25519") String signature,
                             @HeaderParam("X-Signature-Timestamp") String timestamp) {
        Optional<String> key = settings.discordPublicKey();
        if (key.isEmpty()) {
            return ChatRefusals.notConfigured("Discord");
        }
        if (!DiscordSignature.verifies(key.get(), signature, timestamp, body, Instant.now())) {
            return ChatRefusals.badSignature("X-Signature-Ed25519 does not sign X-Signature-Timestamp and the body with "
                    + "the application's key, or the timestamp is not recent");
        }
        JsonValue read = JsonText.read(new String(body, StandardCharsets.UTF_8));
        if (read.getValueType() != JsonValue.ValueType.OBJECT) {
            return Problems.response(400, "malformed-request", "Malformed request", "An interaction is a JSON object");
        }
        JsonObject interaction = read.asJsonObject();
        int type = interaction.getInt("type", 0);
        if (type == PING) {
            return Response.ok(Json.createObjectBuilder().add("type", PONG).build()).build();
        }
        if (type != APPLICATION_COMMAND) {
            return Problems.response(400, "unsupported-interaction", "Unsupported interaction",
                    "Only PING and application commands are taken (type " + type + ")");
        }
        ChatReply reply = commands.run(ChatPlatform.DISCORD, userId(interaction), commandText(interaction),
                followUp(interaction));
        return Response.ok(answer(reply)).build();
    }

    /** Discord's webhook for messages after the answer: the application's id and the interaction's token. */
    private ChatCommands.FollowUp followUp(JsonObject interaction) {
        String application = interaction.getString("application_id", "");
        String token = interaction.getString("token", "");
        if (!application.matches("[0-9]{1,30}") || !token.matches("[A-Za-z0-9_.-]{1,500}")) {
            return null;
        }
        return new ChatCommands.FollowUp(apiUrl + "/webhooks/" + application + "/" + token, TOKEN_VALID_FOR);
    }

    private static String userId(JsonObject interaction) {
        JsonObject member = interaction.getJsonObject("member");
        JsonObject user = member != null ? member.getJsonObject("user") : interaction.getJsonObject("user");
        return user == null ? "" : user.getString("id", "");
    }

    /** The {@code command} option's text, e.g. {@code status 42}; empty for none. */
    private static String commandText(JsonObject interaction) {
        JsonObject data = interaction.getJsonObject("data");
        if (data == null || !data.containsKey("options") || data.get("options").getValueType() != JsonValue.ValueType.ARRAY) {
            return "";
        }
        return data.getJsonArray("options").getValuesAs(JsonObject.class).stream()
                .filter(o -> "command".equals(o.getString("name", ""))).map(o -> o.getString("value", ""))
                .findFirst().orElse("");
    }

    private static JsonObject answer(ChatReply reply) {
        JsonArrayBuilder embeds = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("title", reply.title()).add("description", String.join("\n", reply.lines()))
                .add("color", reply.forChannel() ? GREEN : GREY));
        var data = Json.createObjectBuilder().add("embeds", embeds);
        if (!reply.forChannel()) {
            data.add("flags", EPHEMERAL);
        }
        return Json.createObjectBuilder().add("type", CHANNEL_MESSAGE).add("data", data).build();
    }
}
