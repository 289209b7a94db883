package dev.helix.tasks.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A spec-driven unit of work: a prompt, three markdown documents (requirements, technical design and
 * an implementation plan whose checklist agents work through) and a status that only
 * {@link TaskLifecycle} changes.
 */
@Entity
@Table(name = "task")
public class Task {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 20000)
    private String prompt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;

    @Column(name = "just_do_it", nullable = false)
    private boolean justDoIt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskStatus status;

    @Column(length = 1_000_000)
    private String requirements;

    @Column(length = 1_000_000)
    private String design;

    @Column(length = 1_000_000)
    private String plan;

    @Column(name = "agent_id")
    private Long agentId;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Sequence number of the one work order that may advance this task; older orders are stale. */
    @Column(name = "dispatch_seq", nullable = false)
    private long dispatchSeq;

    /** When that work order is due for delivery; {@code DispatchWatchdog} resends it if it goes missing. */
    @Column(name = "dispatch_due_at")
    private Instant dispatchDueAt;

    @Column(name = "failure_reason", length = 4000)
    private String failureReason;

    /** Failed tries at the current step in a row; the step is given up after too many. */
    @Column(name = "step_failures", nullable = false)
    private int stepFailures;

    @Column(name = "tokens_used", nullable = false)
    private long tokensUsed;

    /** The project whose repository the task works in, or {@code null}. */
    @Column(name = "project_id")
    private Long projectId;

    /** The task whose recorded run this one replays, or {@code null}. */
    @Column(name = "replay_of")
    private Long replayOf;

    @Version
    private long version;

    protected Task() {
    }

    public Task(String title, String prompt, Priority priority, boolean justDoIt, Long projectId, String createdBy, Instant now) {
        this.title = title;
        this.projectId = projectId;
        this.prompt = prompt;
        this.priority = priority;
        this.justDoIt = justDoIt;
        this.createdBy = createdBy;
        this.status = TaskStatus.BACKLOG;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getProjectId() {
        return projectId;
    }

    public Long getReplayOf() {
        return replayOf;
    }

    /** Makes this new task a replay of the original's recorded run: its steps are answered as the original's were. */
    public void replay(Task original) {
        this.replayOf = original.getId();
    }

    public String getTitle() {
        return title;
    }

    public String getPrompt() {
        return prompt;
    }

    public Priority getPriority() {
        return priority;
    }

    public boolean isJustDoIt() {
        return justDoIt;
    }

    public TaskStatus getStatus() {
        return status;
    }

    /** Only {@link TaskLifecycle} moves a task. */
    void setStatus(TaskStatus status, Instant at) {
        this.status = status;
        this.updatedAt = at;
    }

    public String getRequirements() {
        return requirements;
    }

    public String getDesign() {
        return design;
    }

    public String getPlan() {
        return plan;
    }

    /** Replaces the three documents at once, as an agent writes or revises the spec. */
    public void writeDocuments(String requirements, String design, String plan) {
        this.requirements = requirements;
        this.design = design;
        this.plan = plan;
    }

    public void updatePlan(String plan) {
        this.plan = plan;
    }

    public Long getAgentId() {
        return agentId;
    }

    public void assignAgent(Long agentId) {
        this.agentId = agentId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getDispatchSeq() {
        return dispatchSeq;
    }

    public Instant getDispatchDueAt() {
        return dispatchDueAt;
    }

    /** Makes every outstanding work order stale and returns the sequence number of the next one, due at {@code dueAt}. */
    public long nextDispatchSeq(Instant dueAt) {
        this.dispatchDueAt = dueAt;
        return ++dispatchSeq;
    }

    /**
     * Keeps the current work order due until {@code until}: an agent is at work on it outside any transaction, and
     * the watchdog must not take it for lost before the work could have ended.
     */
    public void holdDispatchUntil(Instant until) {
        this.dispatchDueAt = until;
    }

    /** Counts a failed try at the current step and returns how many failed in a row. */
    public int countStepFailure() {
        return ++stepFailures;
    }

    /** Counts tokens the task's models spent. */
    public void addTokens(long tokens) {
        tokensUsed += Math.max(0, tokens);
    }

    public long getTokensUsed() {
        return tokensUsed;
    }

    /** The current step succeeded: the next one starts with no failures. */
    public void stepSucceeded() {
        stepFailures = 0;
    }

    /** Makes every outstanding work order stale, with none to follow (the task ended). */
    public void withdrawDispatch() {
        this.dispatchDueAt = null;
        ++dispatchSeq;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public void recordFailure(String reason) {
        this.failureReason = reason;
    }

    public long getVersion() {
        return version;
    }
}
