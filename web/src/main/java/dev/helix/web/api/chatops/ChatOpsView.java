package dev.helix.web.api.chatops;

import dev.helix.chatops.model.ChatLink;
import java.time.Instant;
import java.util.List;

/**
 * The chat-ops settings as administrators see them: whether each platform is configured (Discord's public key shown,
 * Slack's secret never), and every chat user linked to a Helix user.
 */
public record ChatOpsView(boolean discordConfigured, String discordPublicKey, boolean slackConfigured,
                          List<LinkView> links) {

    /** A chat user linked to a Helix user. */
    public record LinkView(String platform, String chatUserId, String username, Instant linkedAt) {

        static LinkView of(ChatLink link) {
            return new LinkView(link.getPlatform().name(), link.getChatUserId(), link.getUsername(), link.getLinkedAt());
        }
    }
}
