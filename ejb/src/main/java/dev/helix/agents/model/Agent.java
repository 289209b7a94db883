package dev.helix.agents.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/** An agent instance in the pool: one worker of a gallery role, with its status and running metrics. */
@Entity
@Table(name = "agent")
public class Agent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AgentStatus status;

    @Column(name = "current_task_id")
    private Long currentTaskId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_heartbeat_at")
    private Instant lastHeartbeatAt;

    @Column(name = "last_active_at", nullable = false)
    private Instant lastActiveAt;

    /** Written only by {@code AgentPool.creditCompletedTask}, so the tally never races the agent's own updates. */
    @Column(name = "tasks_completed", nullable = false, updatable = false)
    private long tasksCompleted;

    @Column(name = "tasks_failed", nullable = false)
    private long tasksFailed;

    @Column(name = "steps_completed", nullable = false)
    private long stepsCompleted;

    @Column(name = "step_errors", nullable = false)
    private long stepErrors;

    @Column(name = "busy_millis", nullable = false)
    private long busyMillis;

    @Column(name = "tokens_used", nullable = false)
    private long tokensUsed;

    /** Why the agent is FAILED, or {@code null}. */
    @Column(name = "status_reason", length = 1000)
    private String statusReason;

    @Version
    private long version;

    protected Agent() {
    }

    public Agent(String name, String role, Instant now) {
        this.name = name;
        this.role = role;
        this.status = AgentStatus.IDLE;
        this.createdAt = now;
        this.lastActiveAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
    }

    public String getRole() {
        return role;
    }

    public AgentStatus getStatus() {
        return status;
    }

    public Long getCurrentTaskId() {
        return currentTaskId;
    }

    /** Puts a freshly spawned agent to work on a task. */
    public void assignTo(long taskId, Instant now) {
        this.status = AgentStatus.WORKING;
        this.statusReason = null;
        this.currentTaskId = taskId;
        this.lastActiveAt = now;
        heartbeat(now);
    }

    /** Takes the agent off work: IDLE again (or STOPPED), counting the time it was busy. */
    public void release(AgentStatus to, Instant now) {
        if (status == AgentStatus.WORKING) {
            busyMillis += Duration.between(lastActiveAt, now).toMillis();
        }
        this.status = to;
        this.statusReason = null;
        this.currentTaskId = null;
        this.lastActiveAt = now;
    }

    /** Takes the agent off work as FAILED, saying why (e.g. its model provider cannot serve it). */
    public void fail(String reason, Instant now) {
        release(AgentStatus.FAILED, now);
        this.statusReason = reason;
        stepErrors++;
    }

    public String getStatusReason() {
        return statusReason;
    }

    /** An operator stops or revives the agent; a working agent keeps working until released. */
    public void changeStatus(AgentStatus to, Instant now) {
        this.status = to;
        this.statusReason = null;
        this.lastActiveAt = now;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastHeartbeatAt() {
        return lastHeartbeatAt;
    }

    public void heartbeat(Instant now) {
        this.lastHeartbeatAt = now;
    }

    public Instant getLastActiveAt() {
        return lastActiveAt;
    }

    public long getTasksCompleted() {
        return tasksCompleted;
    }

    public long getTasksFailed() {
        return tasksFailed;
    }

    public long getStepsCompleted() {
        return stepsCompleted;
    }

    public long getStepErrors() {
        return stepErrors;
    }

    public long getBusyMillis() {
        return busyMillis;
    }

    public long getTokensUsed() {
        return tokensUsed;
    }

    /** Counts one finished step of work and the tokens the model spent on it. */
    public void recordStep(long tokens, Instant now) {
        stepsCompleted++;
        tokensUsed += tokens;
        heartbeat(now);
    }

    /** Counts the tokens a model spent on a step that did not finish (it failed or was stopped). */
    public void spend(long tokens) {
        tokensUsed += Math.max(0, tokens);
    }

    public void recordTaskFailed() {
        tasksFailed++;
        stepErrors++;
    }

    /** Share of finished steps that ended in an error, 0..1. */
    public double errorRate() {
        long attempts = stepsCompleted + stepErrors;
        return attempts == 0 ? 0.0 : (double) stepErrors / attempts;
    }

    /** Average busy time per finished step, in milliseconds. */
    public double averageStepMillis() {
        return stepsCompleted == 0 ? 0.0 : (double) busyMillis / stepsCompleted;
    }

    public long getVersion() {
        return version;
    }
}
