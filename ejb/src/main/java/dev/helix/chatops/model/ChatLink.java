package dev.helix.chatops.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A chat user linked to a Helix user: what the chat user asks is done as, and with the permissions of, that user. */
@Entity
@Table(name = "chat_link")
public class ChatLink {

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChatPlatform platform;

    @Column(name = "chat_user_id", nullable = false)
    private String chatUserId;

    @Column(nullable = false)
    private String username;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    protected ChatLink() {
    }

    public ChatLink(ChatPlatform platform, String chatUserId, String username, Instant linkedAt) {
        this.id = idOf(platform, chatUserId);
        this.platform = platform;
        this.chatUserId = chatUserId;
        this.username = username;
        this.linkedAt = linkedAt;
    }

    /** The id of the link of this chat user, e.g. {@code SLACK:U0123}. */
    public static String idOf(ChatPlatform platform, String chatUserId) {
        return platform.name() + ":" + chatUserId;
    }

    public ChatPlatform getPlatform() {
        return platform;
    }

    public String getChatUserId() {
        return chatUserId;
    }

    public String getUsername() {
        return username;
    }

    public Instant getLinkedAt() {
        return linkedAt;
    }
}
