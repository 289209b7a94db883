package dev.helix.rituals.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stage of a ritual run (for Z-88 a phase): its steps, how many are done, and what they found. */
@Entity
@Table(name = "ritual_run_stage")
public class RitualRunStage {

    private static final int MAX_RESULT = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "run_id", nullable = false)
    private Long runId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String stage;

    @Column(nullable = false)
    private int steps;

    @Column(name = "steps_done", nullable = false)
    private int stepsDone;

    @Column(nullable = false)
    private String status;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(nullable = false, length = MAX_RESULT)
    private String result;

    protected RitualRunStage() {
    }

    public RitualRunStage(long runId, int position, String stage, int steps) {
        this.runId = runId;
        this.position = position;
        this.stage = stage;
        this.steps = steps;
        this.status = "PENDING";
        this.result = "";
    }

    /** A step of this stage is done, with the line it reported. */
    public void stepDone(String line, Instant now) {
        if (startedAt == null) {
            startedAt = now;
        }
        stepsDone++;
        status = stepsDone == steps ? "COMPLETED" : "RUNNING";
        if (stepsDone == steps) {
            endedAt = now;
        }
        if (line != null && !line.isBlank()) {
            String appended = result.isEmpty() ? line : result + "\n" + line;
            result = appended.length() <= MAX_RESULT ? appended : appended.substring(appended.length() - MAX_RESULT);
        }
    }

    public void fail(Instant now) {
        status = "FAILED";
        endedAt = now;
    }

    public Long getRunId() {
        return runId;
    }

    public int getPosition() {
        return position;
    }

    public String getStage() {
        return stage;
    }

    public int getSteps() {
        return steps;
    }

    public int getStepsDone() {
        return stepsDone;
    }

    public String getStatus() {
        return status;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getResult() {
        return result;
    }
}
