package dev.helix.rituals.model;

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

/** One run of a ritual: its progress (stage, step n of m), how often it resumed, and its batch execution. */
@Entity
@Table(name = "ritual_run")
public class RitualRun {

    private static final int MAX_SUMMARY = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ritual_name", nullable = false)
    private String ritualName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RitualRunStatus status;

    @Column(name = "dry_run", nullable = false)
    private boolean dryRun;

    @Column(name = "trigger_type", nullable = false)
    private String triggerType;

    @Column(name = "trigger_key", nullable = false)
    private String triggerKey;

    @Column(name = "started_by", nullable = false)
    private String startedBy;

    @Column(name = "current_stage")
    private String currentStage;

    @Column(name = "steps_done", nullable = false)
    private int stepsDone;

    @Column(name = "steps_total", nullable = false)
    private int stepsTotal;

    @Column(nullable = false)
    private int resumes;

    @Column(name = "batch_instance_id")
    private Long batchInstanceId;

    @Column(name = "batch_execution_id")
    private Long batchExecutionId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(length = MAX_SUMMARY)
    private String summary;

    @Version
    private long version;

    protected RitualRun() {
    }

    public RitualRun(String ritualName, boolean dryRun, String triggerType, String triggerKey, int stepsTotal,
                     String startedBy, Instant now) {
        this.ritualName = ritualName;
        this.dryRun = dryRun;
        this.triggerType = triggerType;
        this.triggerKey = triggerKey;
        this.stepsTotal = stepsTotal;
        this.startedBy = startedBy;
        this.status = RitualRunStatus.QUEUED;
        this.createdAt = now;
    }

    public void launched(long instanceId, long executionId) {
        this.batchInstanceId = instanceId;
        this.batchExecutionId = executionId;
    }

    /** Its batch job was restarted after an interruption, as this execution. */
    public void resumed(long instanceId, long executionId) {
        resumes++;
        launched(instanceId, executionId);
    }

    /** An execution takes the run up. */
    public void running(long executionId, Instant now) {
        if (startedAt == null) {
            startedAt = now;
        }
        batchExecutionId = executionId;
        status = RitualRunStatus.RUNNING;
        endedAt = null;
    }

    /** One more step is done, in this stage. */
    public void stepDone(String stage) {
        this.currentStage = stage;
        this.stepsDone++;
    }

    public void end(RitualRunStatus status, String summary, Instant now) {
        this.status = status;
        this.summary = summary == null || summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY);
        this.endedAt = now;
    }

    public void changeStatus(RitualRunStatus status) {
        this.status = status;
    }

    /** Progress in percent, 0 to 100. */
    public int percent() {
        return stepsTotal == 0 ? 100 : stepsDone * 100 / stepsTotal;
    }

    /** How long it ran (so far). */
    public Duration duration(Instant now) {
        return startedAt == null ? Duration.ZERO : Duration.between(startedAt, endedAt == null ? now : endedAt);
    }

    public Long getId() {
        return id;
    }

    public String getRitualName() {
        return ritualName;
    }

    public RitualRunStatus getStatus() {
        return status;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public String getTriggerType() {
        return triggerType;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public String getCurrentStage() {
        return currentStage;
    }

    public int getStepsDone() {
        return stepsDone;
    }

    public int getStepsTotal() {
        return stepsTotal;
    }

    public int getResumes() {
        return resumes;
    }

    public Long getBatchInstanceId() {
        return batchInstanceId;
    }

    public Long getBatchExecutionId() {
        return batchExecutionId;
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

    public String getSummary() {
        return summary;
    }
}
