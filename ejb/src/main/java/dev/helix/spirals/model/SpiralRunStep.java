package dev.helix.spirals.model;

import dev.helix.spirals.model.definition.SpiralStep;
import dev.helix.spirals.model.definition.StepType;
import dev.helix.shared.model.Abbreviation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What one step of a run did: its status, attempts, output and log (one line per attempt and event). */
@Entity
@Table(name = "spiral_run_step")
public class SpiralRunStep {

    private static final int MAX_OUTPUT = 20_000;
    private static final int MAX_LOG = 100_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "run_id", nullable = false)
    private Long runId;

    @Column(nullable = false)
    private int position;

    @Column(name = "step_id", nullable = false)
    private String stepId;

    @Enumerated(EnumType.STRING)
    @Column(name = "step_type", nullable = false)
    private StepType stepType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StepStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(length = MAX_OUTPUT)
    private String output;

    @Column(nullable = false, length = MAX_LOG)
    private String log;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected SpiralRunStep() {
    }

    public SpiralRunStep(long runId, int position, SpiralStep step) {
        this.runId = runId;
        this.position = position;
        this.stepId = step.id();
        this.stepType = step.type();
        this.status = StepStatus.RUNNING;
        this.log = "";
    }

    /** An attempt begins. */
    public void attempt(Instant now) {
        attempts++;
        status = StepStatus.RUNNING;
        endedAt = null;
        if (startedAt == null) {
            startedAt = now;
        }
    }

    public void end(StepStatus status, String output, Instant now) {
        this.status = status;
        this.output = Abbreviation.of(output, MAX_OUTPUT);
        this.endedAt = now;
    }

    /** Appends a line to the log, dropping the oldest lines beyond its limit. */
    public void log(Instant at, String line) {
        String appended = log + at + " " + line + "\n";
        log = appended.length() <= MAX_LOG ? appended : appended.substring(appended.length() - MAX_LOG);
    }

    public Long getId() {
        return id;
    }

    public Long getRunId() {
        return runId;
    }

    public int getPosition() {
        return position;
    }

    public String getStepId() {
        return stepId;
    }

    public StepType getStepType() {
        return stepType;
    }

    public StepStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getOutput() {
        return output;
    }

    public String getLog() {
        return log;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }
}
