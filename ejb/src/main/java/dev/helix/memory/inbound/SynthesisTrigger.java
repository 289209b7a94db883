package dev.helix.memory.inbound;

import dev.helix.memory.service.MemorySynthesis;
import dev.helix.shared.model.FleetEvent;
import dev.helix.tasks.model.TaskStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When a task reaches DONE (and that commits), synthesises its learnings in the background. If this is lost
 * (a crash, an outage of the embeddings endpoint), the memory-synthesis ritual's sweep catches the task up.
 */
@ApplicationScoped
public class SynthesisTrigger {

    private static final Logger LOG = Logger.getLogger(SynthesisTrigger.class.getName());

    @Inject
    MemorySynthesis synthesis;

    @Resource
    ManagedExecutorService executor;

    void onTaskDone(@Observes(during = TransactionPhase.AFTER_SUCCESS) FleetEvent event) {
        if (event.type() == FleetEvent.Type.TASK_STATUS_CHANGED && TaskStatus.DONE.name().equals(event.status())) {
            long taskId = event.taskId();
            executor.submit(() -> {
                try {
                    synthesis.synthesise(taskId);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Learnings of task " + taskId + " not synthesised now; the memory-synthesis "
                            + "ritual will retry", e);
                }
            });
        }
    }
}
