package dev.helix.tasks.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One failed attempt to perform a work order, kept apart from the task so it survives the rollback. */
@Entity
@Table(name = "dispatch_failure")
public class DispatchFailure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false)
    private Long taskId;

    @Column(nullable = false)
    private String step;

    @Column(nullable = false)
    private int attempt;

    @Column(nullable = false, length = 4000)
    private String error;

    @Column(nullable = false)
    private Instant at;

    protected DispatchFailure() {
    }

    public DispatchFailure(Long taskId, String step, int attempt, String error, Instant at) {
        this.taskId = taskId;
        this.step = step;
        this.attempt = attempt;
        this.error = error.length() > 4000 ? error.substring(0, 4000) : error;
        this.at = at;
    }

    public Long getTaskId() {
        return taskId;
    }

    public String getStep() {
        return step;
    }

    public int getAttempt() {
        return attempt;
    }

    public String getError() {
        return error;
    }

    public Instant getAt() {
        return at;
    }
}
