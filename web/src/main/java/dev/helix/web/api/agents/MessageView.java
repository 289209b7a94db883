package dev.helix.web.api.agents;

import dev.helix.agents.model.AgentMessage;
import java.time.Instant;

/** A message in the inbox of a role's agents. */
public record MessageView(long id, String to, String sender, String body, Instant sentAt) {

    static MessageView of(AgentMessage message) {
        return new MessageView(message.getId(), message.getToRole(), message.getSender(), message.getBody(), message.getSentAt());
    }
}
