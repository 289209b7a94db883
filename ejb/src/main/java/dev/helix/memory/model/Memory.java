package dev.helix.memory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

/** One memory: its text, where it belongs, and the embedding it is found by. */
@Entity
@Table(name = "memory")
public class Memory {

    /** Letters the text may hold at most. */
    public static final int MAX_TEXT = 16000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String workspace;

    @Enumerated(EnumType.STRING)
    private MemoryKind kind;

    private String content;

    @Column(name = "task_id")
    private Long taskId;

    private String embedder;

    private byte[] embedding;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Memory() {
    }

    public Memory(NewMemory memory, String embedder, float[] vector, String createdBy, Instant createdAt) {
        this.workspace = memory.workspace();
        this.kind = memory.kind();
        this.content = memory.text();
        this.taskId = memory.taskId();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        embedWith(embedder, vector);
    }

    /** Stores a (new) embedding and the embedder that made it. */
    public void embedWith(String embedder, float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        this.embedder = embedder;
        this.embedding = bytes.array();
    }

    public float[] vector() {
        float[] vector = new float[embedding.length / Float.BYTES];
        ByteBuffer.wrap(embedding).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    public Long getId() {
        return id;
    }

    public String getWorkspace() {
        return workspace;
    }

    public MemoryKind getKind() {
        return kind;
    }

    public String getText() {
        return content;
    }

    public Long getTaskId() {
        return taskId;
    }

    public String getEmbedder() {
        return embedder;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
