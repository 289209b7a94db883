package dev.helix.chatops.model;

import jakarta.json.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A chat command's answer to follow up: where the platform takes a later message about it (Slack's
 * {@code response_url}, Discord's interaction webhook), for the task the command created, until the platform stops
 * taking them.
 */
@Entity
@Table(name = "chat_follow_up")
public class ChatFollowUp {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false)
    private long taskId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChatPlatform platform;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected ChatFollowUp() {
    }

    public ChatFollowUp(long taskId, ChatPlatform platform, String url, Instant expiresAt) {
        this.taskId = taskId;
        this.platform = platform;
        this.url = url;
        this.expiresAt = expiresAt;
    }

    /** The follow-up's body in the platform's format: a message to the channel the command came from. */
    public String body(String text) {
        return platform == ChatPlatform.SLACK
                ? Json.createObjectBuilder().add("response_type", "in_channel").add("text", text).build().toString()
                : Json.createObjectBuilder().add("content", text).build().toString();
    }

    public long getTaskId() {
        return taskId;
    }

    public ChatPlatform getPlatform() {
        return platform;
    }

    public String getUrl() {
        return url;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
