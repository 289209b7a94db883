package dev.helix.agents.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One working session of an agent on a task (a phase such as writing the spec); the agent's history. */
@Entity
@Table(name = "agent_session")
public class AgentSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "agent_id", nullable = false)
    private Long agentId;

    @Column(name = "task_id", nullable = false)
    private Long taskId;

    @Column(nullable = false)
    private String phase;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    private String outcome;

    @Column(length = 100_000)
    private String log;

    protected AgentSession() {
    }

    public AgentSession(Long agentId, Long taskId, String phase, Instant startedAt) {
        this.agentId = agentId;
        this.taskId = taskId;
        this.phase = phase;
        this.startedAt = startedAt;
        this.log = "";
    }

    public Long getId() {
        return id;
    }

    public Long getAgentId() {
        return agentId;
    }

    public Long getTaskId() {
        return taskId;
    }

    public String getPhase() {
        return phase;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getLog() {
        return log;
    }

    public boolean isOpen() {
        return endedAt == null;
    }

    /** Appends one line to the session's log. */
    public void append(String line) {
        log = log.isEmpty() ? line : log + "\n" + line;
    }

    public void end(String outcome, Instant at) {
        this.outcome = outcome;
        this.endedAt = at;
    }
}
