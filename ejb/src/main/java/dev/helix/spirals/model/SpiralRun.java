package dev.helix.spirals.model;

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
 * One run of a spiral: the version it runs, what started it, its variables, the position of the next step, and
 * the Jakarta Batch job instance and (latest) execution that carry it.
 */
@Entity
@Table(name = "spiral_run")
public class SpiralRun {

    private static final int MAX_ERROR = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "spiral_id", nullable = false)
    private Long spiralId;

    @Column(name = "spiral_version", nullable = false)
    private int spiralVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RunStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type", nullable = false)
    private TriggerType triggerType;

    @Column(name = "trigger_key", nullable = false, length = 200)
    private String triggerKey;

    @Column(nullable = false, length = 200_000)
    private String input;

    @Column(nullable = false, length = 200_000)
    private String variables;

    @Column(name = "next_position", nullable = false)
    private int nextPosition;

    @Column(name = "batch_instance_id")
    private Long batchInstanceId;

    @Column(name = "batch_execution_id")
    private Long batchExecutionId;

    @Column(name = "started_by", nullable = false)
    private String startedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(length = MAX_ERROR)
    private String error;

    @Version
    private long version;

    protected SpiralRun() {
    }

    public SpiralRun(long spiralId, int spiralVersion, TriggerType triggerType, String triggerKey, String input,
                     String startedBy, Instant now) {
        this.spiralId = spiralId;
        this.spiralVersion = spiralVersion;
        this.triggerType = triggerType;
        this.triggerKey = triggerKey;
        this.input = input;
        this.variables = "{}";
        this.startedBy = startedBy;
        this.status = RunStatus.QUEUED;
        this.createdAt = now;
    }

    /** Its batch job was started (or restarted) as this execution. */
    public void launched(long instanceId, long executionId) {
        this.batchInstanceId = instanceId;
        this.batchExecutionId = executionId;
    }

    /** The batch job runs it (again, after a restart). */
    public void running(long executionId, Instant now) {
        this.status = RunStatus.RUNNING;
        this.batchExecutionId = executionId;
        this.error = null;
        this.endedAt = null;
        if (startedAt == null) {
            this.startedAt = now;
        }
    }

    /** A step has been dealt with: the run goes on at {@code position} with these variables. */
    public void advance(int position, String variables) {
        this.nextPosition = position;
        this.variables = variables;
    }

    public void end(RunStatus status, String error, Instant now) {
        this.status = status;
        this.error = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        this.endedAt = now;
    }

    public void changeStatus(RunStatus status) {
        this.status = status;
    }

    public Long getId() {
        return id;
    }

    public Long getSpiralId() {
        return spiralId;
    }

    public int getSpiralVersion() {
        return spiralVersion;
    }

    public RunStatus getStatus() {
        return status;
    }

    public TriggerType getTriggerType() {
        return triggerType;
    }

    public String getTriggerKey() {
        return triggerKey;
    }

    public String getInput() {
        return input;
    }

    public String getVariables() {
        return variables;
    }

    public int getNextPosition() {
        return nextPosition;
    }

    public Long getBatchInstanceId() {
        return batchInstanceId;
    }

    public Long getBatchExecutionId() {
        return batchExecutionId;
    }

    public String getStartedBy() {
        return startedBy;
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

    public String getError() {
        return error;
    }
}
