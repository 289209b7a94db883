package dev.helix.web.api.tasks;

import dev.helix.memory.model.TaskRecall;
import java.time.Instant;

/** A memory recalled into a task's context: its rank, similarity and text as recalled. */
public record RecallView(long memoryId, int rank, float score, String text, Instant recalledAt) {

    static RecallView of(TaskRecall recall) {
        return new RecallView(recall.getMemoryId(), recall.getRank(), recall.getScore(), recall.getText(), recall.getRecalledAt());
    }
}
