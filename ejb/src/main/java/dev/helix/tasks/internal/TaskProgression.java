package dev.helix.tasks.internal;

import dev.helix.agents.service.AgentPool;
import dev.helix.audit.model.AuditEntry;
import dev.helix.audit.service.AuditTrail;
import dev.helix.shared.model.Abbreviation;
import dev.helix.shared.model.FleetEvent;
import dev.helix.tasks.model.DocumentRevision;
import dev.helix.tasks.model.DocumentsChanged;
import dev.helix.tasks.model.ItemState;
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
    private static final int MAX_MESSAGE = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    WorkQueue workQueue;

    @Inject
    Event<FleetEvent> events;

    @Inject
    AuditTrail audit;

    @Inject
    Event<DocumentsChanged> changes;

    @Inject
    AgentPool pool;

    public void move(Task task, TaskStatus to, String actor, String note, Instant now) {
        TaskStatus from = task.getStatus();
        em.persist(TaskLifecycle.move(task, to, actor, note, now));
        announce(task);
        recordDocuments(task, actor, from + " → " + to + (note == null ? "" : ": " + note));
    }

    /**
     * Records the task's documents as they are now, for its project's specs branch, with a message naming the change
     * (a task in no project has none).
     */
    public void recordDocuments(Task task, String actor, String message) {
        if (task.getProjectId() != null) {
            em.persist(new DocumentRevision(task, actor, Abbreviation.of("Task " + task.getId() + ": " + message, MAX_MESSAGE),
                    Instant.now()));
            changes.fire(new DocumentsChanged(task.getProjectId()));
        }
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

    /** Announces a checklist item's new state without a status change, and records the changed plan. */
    public void announceProgress(Task task, ItemState state, String item, String actor) {
        recordDocuments(task, actor, "- [" + state.marker() + "] " + item);
        events.fire(new FleetEvent(FleetEvent.Type.TASK_PROGRESSED, task.getId(), task.getAgentId(),
                task.getStatus().name(), item, Instant.now()));
    }
}
