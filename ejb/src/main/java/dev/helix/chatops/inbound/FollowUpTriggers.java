package dev.helix.chatops.inbound;

import dev.helix.chatops.model.ChatFollowUp;
import dev.helix.chatops.outbound.ChatPoster;
import dev.helix.chatops.service.ChatFollowUps;
import dev.helix.shared.model.FleetEvent;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.service.TaskService;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows up a task created from a chat: once its change commits and the task waits at a gate or has ended, its
 * follow-ups are taken and posted to the chat, off the committing thread. A follow-up is posted once; one the
 * platform refuses or cannot be reached for is logged (the chat's `status` command still answers).
 */
@ApplicationScoped
public class FollowUpTriggers {

    private static final Logger LOG = Logger.getLogger(FollowUpTriggers.class.getName());
    private static final Set<TaskStatus> WORTH_TELLING = Set.of(TaskStatus.SPEC_REVIEW, TaskStatus.IMPLEMENTATION_REVIEW,
            TaskStatus.DONE, TaskStatus.SPEC_FAILED, TaskStatus.IMPLEMENTATION_FAILED, TaskStatus.CANCELLED);

    @Inject
    ChatFollowUps followUps;

    @Inject
    TaskService tasks;

    @Resource
    ManagedExecutorService executor;

    void onTaskChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) FleetEvent event) {
        if (event.type() != FleetEvent.Type.TASK_STATUS_CHANGED || event.taskId() == null
                || WORTH_TELLING.stream().noneMatch(s -> s.name().equals(event.status()))) {
            return;
        }
        long taskId = event.taskId();
        executor.execute(() -> followUp(taskId));
    }

    private void followUp(long taskId) {
        for (ChatFollowUp followUp : followUps.take(taskId)) {
            Task task = tasks.task(taskId);
            String text = "Task #" + taskId + " " + task.getTitle() + " is now "
                    + task.getStatus().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".";
            try {
                int status = ChatPoster.post(followUp.getUrl(), followUp.body(text));
                if (status >= 300) {
                    LOG.warning(() -> followUp.getPlatform() + " refused the follow-up of task " + taskId + ": HTTP " + status);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, followUp.getPlatform() + " could not be reached for the follow-up of task " + taskId, e);
            }
        }
    }
}
