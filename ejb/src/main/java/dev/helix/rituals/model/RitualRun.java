package dev.helix.rituals.model;

import dev.helix.shared.model.Abbreviation;
import dev.helix.runs.model.BatchRun;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One run of a ritual, carried by a {@code ritual-run} batch job: its progress (stage, step n of m) and summary. */
@Entity
@Table(name = "ritual_run")
public class RitualRun extends BatchRun {

    /** The batch job (META-INF/batch-jobs/ritual-run.xml) that carries a run. */
    public static final String JOB = "ritual-run";
    private static final int MAX_SUMMARY = 4000;

    @Column(name = "ritual_name", nullable = false)
    private String ritualName;

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

    @Column(length = MAX_SUMMARY)
    private String summary;

    protected RitualRun() {
    }

    public RitualRun(String ritualName, boolean dryRun, String triggerType, String triggerKey, int stepsTotal,
                     String startedBy, Instant now) {
        super(now);
        this.ritualName = ritualName;
        this.dryRun = dryRun;
        this.triggerType = triggerType;
        this.triggerKey = triggerKey;
        this.stepsTotal = stepsTotal;
        this.startedBy = startedBy;
    }

    @Override
    public String job() {
        return JOB;
    }

    @Override
    protected void noted(String note) {
        this.summary = Abbreviation.of(note, MAX_SUMMARY);
    }

    /** One more step is done, in this stage. */
    public void stepDone(String stage) {
        this.currentStage = stage;
        this.stepsDone++;
    }

    /** Progress in percent, 0 to 100. */
    public int percent() {
        return stepsTotal == 0 ? 100 : stepsDone * 100 / stepsTotal;
    }

    @Override
    public String kindName() {
        return "ritual";
    }

    @Override
    public String subject() {
        return ritualName;
    }

    public String getRitualName() {
        return ritualName;
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

    public String getSummary() {
        return summary;
    }
}
