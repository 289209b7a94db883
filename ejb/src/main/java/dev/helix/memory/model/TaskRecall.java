package dev.helix.memory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A memory recalled into a task's context when an agent started it (its text as it was then). */
@Entity
@Table(name = "task_recall")
@IdClass(TaskRecall.Key.class)
public class TaskRecall {

    @Id
    @Column(name = "task_id")
    private Long taskId;

    @Id
    @Column(name = "memory_id")
    private Long memoryId;

    @Column(name = "recall_rank")
    private int rank;

    private float score;

    private String content;

    @Column(name = "recalled_at")
    private Instant recalledAt;

    protected TaskRecall() {
    }

    public TaskRecall(long taskId, int rank, MemoryHit hit, Instant recalledAt) {
        this.taskId = taskId;
        this.memoryId = hit.memory().getId();
        this.rank = rank;
        this.score = hit.score();
        this.content = hit.memory().getText();
        this.recalledAt = recalledAt;
    }

    public Long getMemoryId() {
        return memoryId;
    }

    public int getRank() {
        return rank;
    }

    public float getScore() {
        return score;
    }

    public String getText() {
        return content;
    }

    public Instant getRecalledAt() {
        return recalledAt;
    }

    /** The composite key: one row per task and memory. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long taskId;
        private Long memoryId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && java.util.Objects.equals(taskId, k.taskId)
                    && java.util.Objects.equals(memoryId, k.memoryId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(taskId, memoryId);
        }
    }
}
