package dev.helix.tasks.internal;

import dev.helix.shared.model.FleetEvent;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.model.TaskLifecycle;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.model.WorkOrder;
import dev.helix.tasks.port.WorkQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Moves tasks through {@link TaskLifecycle} inside the caller's transaction: records each transition,
 * announces it as a {@link FleetEvent}, and sends the work order that advances the task next.
 */
@ApplicationScoped
public class TaskProgression {

    @PersistenceContext
    EntityManager em;

    @Inject
    WorkQueue workQueue;

    @Inject
    Event<FleetEvent> events;

    public void move(Task task, TaskStatus to, String actor, String note, Instant now) {
        em.persist(TaskLifecycle.move(task, to, actor, note, now));
        announce(task);
    }

    /** Sends the one work order that may advance the task next; all earlier orders become stale. */
    public void dispatch(Task task, Duration delay) {
        workQueue.submit(new WorkOrder(task.getId(), task.nextDispatchSeq(Instant.now().plus(delay)), task.getPriority()), delay);
    }

    public void announce(Task task) {
        events.fire(new FleetEvent(FleetEvent.Type.TASK_STATUS_CHANGED, task.getId(), task.getAgentId(),
                task.getStatus().name(), task.getTitle(), Instant.now()));
    }

    /** Announces a checklist step without a status change. */
    public void announceProgress(Task task, String item) {
        events.fire(new FleetEvent(FleetEvent.Type.TASK_PROGRESSED, task.getId(), task.getAgentId(),
                task.getStatus().name(), item, Instant.now()));
    }
}
