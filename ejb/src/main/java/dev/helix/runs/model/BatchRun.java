package dev.helix.runs.model;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A run carried by a Jakarta Batch job (a spiral run, a ritual run): its status, the job instance and latest
 * execution, how often it was queued again to restart, and when it was created, started and ended.
 */
@MappedSuperclass
public abstract class BatchRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RunStatus status;

    @Column(name = "batch_instance_id")
    private Long batchInstanceId;

    @Column(name = "batch_execution_id")
    private Long batchExecutionId;

    @Column(nullable = false)
    private int resumes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Version
    private long version;

    protected BatchRun() {
    }

    protected BatchRun(Instant createdAt) {
        this.status = RunStatus.QUEUED;
        this.createdAt = createdAt;
    }

    /** Its batch job was started (or restarted) as this execution. */
    public void launched(long instanceId, long executionId) {
        this.batchInstanceId = instanceId;
        this.batchExecutionId = executionId;
    }

    /** An execution takes the run up. */
    public void running(long executionId, Instant now) {
        this.status = RunStatus.RUNNING;
        this.batchExecutionId = executionId;
        this.endedAt = null;
        if (startedAt == null) {
            this.startedAt = now;
        }
    }

    /** Queued again, to restart its job (after a failure, a stop or a lost server); counted when it had run. */
    public void requeue() {
        if (batchExecutionId != null) {
            resumes++;
        }
        this.status = RunStatus.QUEUED;
    }

    /**
     * The run ended, with a note (an error, a summary) that the kind of run keeps as it sees fit; answers the event
     * that tells of it, for the caller to fire in the same transaction.
     */
    public RunEnded end(RunStatus status, String note, Instant now) {
        this.status = status;
        this.endedAt = now;
        noted(note);
        return new RunEnded(kindName(), id, subject(), status, note, now);
    }

    /** The kind of run in words, e.g. {@code ritual}. */
    public abstract String kindName();

    /** What the run is of: the ritual's name, the spiral's id. */
    public abstract String subject();

    /** Keeps the note of a run's end. */
    protected abstract void noted(String note);

    /** The batch job (META-INF/batch-jobs/&lt;job&gt;.xml) that carries runs of this kind; its parameter is {@code runId}. */
    public abstract String job();

    public void changeStatus(RunStatus status) {
        this.status = status;
    }

    /** How long it ran (so far). */
    public Duration duration(Instant now) {
        return startedAt == null ? Duration.ZERO : Duration.between(startedAt, endedAt == null ? now : endedAt);
    }

    public Long getId() {
        return id;
    }

    public RunStatus getStatus() {
        return status;
    }

    public Long getBatchInstanceId() {
        return batchInstanceId;
    }

    public Long getBatchExecutionId() {
        return batchExecutionId;
    }

    public int getResumes() {
        return resumes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public long getVersion() {
        return version;
    }
}
