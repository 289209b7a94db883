package dev.helix.web.api.memory;

import dev.helix.memory.model.Memory;
import dev.helix.memory.model.MemoryHit;
import java.time.Instant;

/** A memory as the API shows it; {@code score} only in search results. */
public record MemoryView(long id, Float score, String text, String kind, String workspace, Long taskId, String embedder,
                         String createdBy, Instant createdAt) {

    public static MemoryView of(Memory m) {
        return of(m, null);
    }

    public static MemoryView of(MemoryHit hit) {
        return of(hit.memory(), hit.score());
    }

    private static MemoryView of(Memory m, Float score) {
        return new MemoryView(m.getId(), score, m.getText(), m.getKind().name(), m.getWorkspace(), m.getTaskId(),
                m.getEmbedder(), m.getCreatedBy(), m.getCreatedAt());
    }
}
