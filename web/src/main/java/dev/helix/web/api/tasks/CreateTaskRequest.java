package dev.helix.web.api.tasks;

import dev.helix.tasks.model.NewTask;
import dev.helix.tasks.model.Priority;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/tasks}. */
public record CreateTaskRequest(
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must have at most 200 characters") String title,
        @NotBlank(message = "must not be blank") @Size(max = 20000, message = "must have at most 20000 characters") String prompt,
        Priority priority,
        Boolean justDoIt,
        Long projectId) {

    /** The task asked for: {@code MEDIUM} priority and the gates kept unless the request says otherwise. */
    public NewTask toNewTask() {
        return new NewTask(title, prompt, priority == null ? Priority.MEDIUM : priority, Boolean.TRUE.equals(justDoIt),
                projectId);
    }
}
