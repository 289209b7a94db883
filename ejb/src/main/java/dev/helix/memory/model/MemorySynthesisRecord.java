package dev.helix.memory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Marks a finished task whose learnings are in memory; committed with those memories, so it happens once. */
@Entity
@Table(name = "memory_synthesis")
public class MemorySynthesisRecord {

    @Id
    @Column(name = "task_id")
    private Long taskId;

    private int memories;

    @Column(name = "synthesised_at")
    private Instant synthesisedAt;

    protected MemorySynthesisRecord() {
    }

    public MemorySynthesisRecord(long taskId, int memories, Instant synthesisedAt) {
        this.taskId = taskId;
        this.memories = memories;
        this.synthesisedAt = synthesisedAt;
    }

    public int getMemories() {
        return memories;
    }
}
