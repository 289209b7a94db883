package dev.helix.spirals.model;

import dev.helix.spirals.model.definition.TriggerType;
import dev.helix.shared.model.Abbreviation;
import dev.helix.runs.model.BatchRun;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One run of a spiral, carried by a {@code spiral-run} batch job: the version it runs, what started it, its
 * variables (its {@code input} among them) and the position of the next step.
 */
@Entity
@Table(name = "spiral_run")
public class SpiralRun extends BatchRun {

    /** The batch job (META-INF/batch-jobs/spiral-run.xml) that carries a run. */
    public static final String JOB = "spiral-run";
    private static final int MAX_ERROR = 2000;

    @Column(name = "spiral_id", nullable = false)
    private Long spiralId;

    @Column(name = "spiral_version", nullable = false)
    private int spiralVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type", nullable = false)
    private TriggerType triggerType;

    @Column(name = "trigger_key", nullable = false, length = 200)
    private String triggerKey;

    @Column(nullable = false, length = 200_000)
    private String variables;

    @Column(name = "next_position", nullable = false)
    private int nextPosition;

    @Column(name = "started_by", nullable = false)
    private String startedBy;

    @Column(length = MAX_ERROR)
    private String error;

    protected SpiralRun() {
    }

    public SpiralRun(long spiralId, int spiralVersion, TriggerType triggerType, String triggerKey, String startedBy, Instant now) {
        super(now);
        this.spiralId = spiralId;
        this.spiralVersion = spiralVersion;
        this.triggerType = triggerType;
        this.triggerKey = triggerKey;
        this.variables = "{}";
        this.startedBy = startedBy;
    }

    @Override
    public String job() {
        return JOB;
    }

    @Override
    public void running(long executionId, Instant now) {
        super.running(executionId, now);
        this.error = null;
    }

    @Override
    protected void noted(String note) {
        this.error = Abbreviation.of(note, MAX_ERROR);
    }

    /** A step has been dealt with: the run goes on at {@code position} with these variables. */
    public void advance(int position, String variables) {
        this.nextPosition = position;
        this.variables = variables;
    }

    @Override
    public String kindName() {
        return "spiral";
    }

    @Override
    public String subject() {
        return String.valueOf(spiralId);
    }

    public Long getSpiralId() {
        return spiralId;
    }

    public int getSpiralVersion() {
        return spiralVersion;
    }

    public TriggerType getTriggerType() {
        return triggerType;
    }

    public String getTriggerKey() {
        return triggerKey;
    }

    public String getVariables() {
        return variables;
    }

    public int getNextPosition() {
        return nextPosition;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public String getError() {
        return error;
    }
}
