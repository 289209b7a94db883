package dev.helix.tasks.model;

import dev.helix.shared.model.Abbreviation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One tool an agent's model called on a checklist item: which, with what arguments, what came of it (abridged), and
 * how long it took. A task's tool calls, in order, are its activity.
 */
@Entity
@Table(name = "tool_call")
public class ToolCall {

    private static final int MAX_TEXT = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false)
    private Long taskId;

    @Column(name = "agent_name", nullable = false, length = 128)
    private String agentName;

    @Column(nullable = false, length = 1000)
    private String item;

    @Column(nullable = false, length = 64)
    private String tool;

    @Column(nullable = false, length = MAX_TEXT)
    private String arguments;

    @Column(nullable = false, length = MAX_TEXT)
    private String outcome;

    @Column(nullable = false)
    private boolean succeeded;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    @Column(nullable = false)
    private Instant at;

    protected ToolCall() {
    }

    public ToolCall(long taskId, String agentName, String item, String tool, String arguments, String outcome,
                    boolean succeeded, long durationMs, Instant at) {
        this.taskId = taskId;
        this.agentName = agentName;
        this.item = Abbreviation.of(item, 1000);
        this.tool = Abbreviation.of(tool, 64);
        this.arguments = Abbreviation.of(arguments, MAX_TEXT);
        this.outcome = Abbreviation.of(outcome, MAX_TEXT);
        this.succeeded = succeeded;
        this.durationMs = durationMs;
        this.at = at;
    }

    public Long getId() {
        return id;
    }

    public Long getTaskId() {
        return taskId;
    }

    public String getAgentName() {
        return agentName;
    }

    public String getItem() {
        return item;
    }

    public String getTool() {
        return tool;
    }

    public String getArguments() {
        return arguments;
    }

    public String getOutcome() {
        return outcome;
    }

    public boolean isSucceeded() {
        return succeeded;
    }

    public long getDurationMs() {
        return durationMs;
    }

    public Instant getAt() {
        return at;
    }
}
