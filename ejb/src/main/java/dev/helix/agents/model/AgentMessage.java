package dev.helix.agents.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message to the agents of a role (their inbox), e.g. sent by a spiral. */
@Entity
@Table(name = "agent_message")
public class AgentMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "to_role", nullable = false)
    private String toRole;

    @Column(nullable = false)
    private String sender;

    @Column(nullable = false, length = 20_000)
    private String body;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected AgentMessage() {
    }

    public AgentMessage(String toRole, String sender, String body, Instant sentAt) {
        this.toRole = toRole;
        this.sender = sender;
        this.body = body;
        this.sentAt = sentAt;
    }

    public Long getId() {
        return id;
    }

    public String getToRole() {
        return toRole;
    }

    public String getSender() {
        return sender;
    }

    public String getBody() {
        return body;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
