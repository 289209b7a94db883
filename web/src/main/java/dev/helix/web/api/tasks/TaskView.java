package dev.helix.web.api.tasks;

import dev.helix.tasks.model.Checklist;
import dev.helix.tasks.model.Priority;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.model.TaskStatus;
import java.time.Instant;

/**
 * A task as the API shows it, with the checklist's done/total counts, the tokens its models spent, and the task
 * whose recorded run it replays ({@code replayOf}, else {@code null}).
 */
public record TaskView(long id, String title, String prompt, Priority priority, boolean justDoIt, Long projectId, TaskStatus status,
                       String requirements, String design, String plan, Long agentId, String createdBy,
                       Instant createdAt, Instant updatedAt, String failureReason, int done, int total, long tokensUsed,
                       Long replayOf, long version) {

    public static TaskView of(Task t) {
        Checklist checklist = Checklist.parse(t.getPlan());
        return new TaskView(t.getId(), t.getTitle(), t.getPrompt(), t.getPriority(), t.isJustDoIt(), t.getProjectId(), t.getStatus(),
                t.getRequirements(), t.getDesign(), t.getPlan(), t.getAgentId(), t.getCreatedBy(), t.getCreatedAt(),
                t.getUpdatedAt(), t.getFailureReason(), checklist.doneCount(), checklist.items().size(), t.getTokensUsed(),
                t.getReplayOf(), t.getVersion());
    }
}
