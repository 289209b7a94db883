package dev.helix.web.api.memory;

import dev.helix.memory.model.Memory;
import dev.helix.memory.model.MemoryKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A memory to store.
 *
 * @param text      what to remember (up to 16,000 characters)
 * @param kind      TASK_SUMMARY or ERROR_RESOLUTION
 * @param workspace where it belongs; {@code default} when absent
 * @param taskId    the task it was learned on, if any
 */
public record MemoryRequest(@NotBlank(message = "text is required") @Size(max = Memory.MAX_TEXT, message = "text is at most {max} characters") String text,
                            @NotNull(message = "kind is required: TASK_SUMMARY or ERROR_RESOLUTION") MemoryKind kind,
                            @Size(max = 64, message = "workspace is at most 64 characters") String workspace,
                            @Positive(message = "taskId must be positive") Long taskId) {
}
