package dev.helix.tasks.internal;

import dev.helix.agents.service.AgentPool;
import dev.helix.audit.model.AuditEntry;
import dev.helix.audit.service.AuditTrail;
import dev.helix.shared.model.Abbreviation;
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
 * announces it as a {@link FleetEvent}, sends the work order that advances the task next, or fails it for good.
 */
@ApplicationScoped
public class TaskProgression {

    /** The most characters a task's failure reason and a transition's note hold. */
    private static final int MAX_TEXT = 4000;

    @PersistenceContext
    EntityManager em;

    @Inject
    WorkQueue workQueue;

    @Inject
    Event<FleetEvent> events;

    @Inject
    AuditTrail audit;

    @Inject
    AgentPool pool;

    public void move(Task task, TaskStatus to, String actor, String note, Instant now) {
        em.persist(TaskLifecycle.move(task, to, actor, note, now));
        announce(task);
    }

    /** Sends the one work order that may advance the task next; all earlier orders become stale. */
    public void dispatch(Task task, Duration delay) {
        workQueue.submit(new WorkOrder(task.getId(), task.nextDispatchSeq(Instant.now().plus(delay)), task.getPriority()), delay);
    }

    /** Fails the task for good: the reason (and what else is worth reading, if any) is kept on it and audited. */
    public void fail(Task task, String actor, String reason, String attachment) {
        task.recordFailure(attachment == null ? Abbreviation.of(reason, MAX_TEXT)
                : Abbreviation.of(reason + "\n\n" + attachment, MAX_TEXT));
        move(task, TaskLifecycle.failureOf(task), actor, Abbreviation.of(reason, MAX_TEXT), Instant.now());
        audit.record(AuditEntry.system("task.fail", "/api/v1/tasks/" + task.getId(), reason));
        task.withdrawDispatch();
        if (task.getAgentId() != null) {
            pool.giveUpTask(task.getAgentId(), task.getId());
        }
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
