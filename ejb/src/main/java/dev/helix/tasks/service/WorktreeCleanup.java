package dev.helix.tasks.service;

import dev.helix.projects.service.TaskWorktrees;
import dev.helix.shared.model.FleetEvent;
import dev.helix.tasks.model.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes a task's worktree once the task has ended (done, cancelled or failed) and that has committed; its branch
 * stays, holding every commit of the task.
 */
@ApplicationScoped
public class WorktreeCleanup {

    private static final Logger LOG = Logger.getLogger(WorktreeCleanup.class.getName());

    @Inject
    TaskWorktrees worktrees;

    void taskEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) FleetEvent event) {
        if (event.type() != FleetEvent.Type.TASK_STATUS_CHANGED || !TaskStatus.valueOf(event.status()).isTerminal()) {
            return;
        }
        try {
            worktrees.remove(event.taskId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The worktree of task " + event.taskId() + " could not be removed", e);
        }
    }
}
