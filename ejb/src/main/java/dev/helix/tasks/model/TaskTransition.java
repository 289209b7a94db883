package dev.helix.tasks.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recorded change of a task's status: from, to, who made it, when, and why. */
@Entity
@Table(name = "task_transition")
public class TaskTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false)
    private Long taskId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private TaskStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private TaskStatus to;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private Instant at;

    @Column(length = 4000)
    private String note;

    protected TaskTransition() {
    }

    TaskTransition(Long taskId, TaskStatus from, TaskStatus to, String actor, Instant at, String note) {
        this.taskId = taskId;
        this.from = from;
        this.to = to;
        this.actor = actor;
        this.at = at;
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public Long getTaskId() {
        return taskId;
    }

    public TaskStatus getFrom() {
        return from;
    }

    public TaskStatus getTo() {
        return to;
    }

    public String getActor() {
        return actor;
    }

    public Instant getAt() {
        return at;
    }

    public String getNote() {
        return note;
    }
}
