package dev.helix.tasks.service;

import dev.helix.agents.model.Agent;
import dev.helix.agents.model.AgentProfile;
import dev.helix.agents.service.AgentGallery;
import dev.helix.agents.service.AgentPool;
import dev.helix.audit.model.AuditEntry;
import dev.helix.audit.service.AuditTrail;
import dev.helix.providers.model.ItemRequest;
import dev.helix.providers.model.SpecDraft;
import dev.helix.providers.model.SpecRequest;
import dev.helix.tasks.internal.OrdersInHand;
import dev.helix.tasks.internal.TaskProgression;
import dev.helix.tasks.model.AgentWait;
import dev.helix.tasks.model.Checklist;
import dev.helix.tasks.model.ChecklistItem;
import dev.helix.tasks.model.ClaimedStep;
import dev.helix.tasks.model.Decision;
import dev.helix.tasks.model.DispatchFailure;
import dev.helix.tasks.model.Gate;
import dev.helix.tasks.model.ItemState;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.model.WorkOrder;
import dev.helix.tasks.port.PriorLearnings;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Advances a task by one step on behalf of its agent, as a work order asks, in the transaction of the message that
 * carried the order: claims an agent from the pool, moves the task on, starts the plan's next checklist item
 * ({@code [~]}), and sends the next work order. A step that needs the agent's model (writing the spec, drafting a
 * plan, working an item) is only claimed here ({@link ClaimedStep}, its order held due for the step's lease): the
 * model is asked outside any transaction once this one commits, and {@link StepResults} records the answer. Stale
 * orders are ignored, so a redelivered message never does the same work twice.
 */
@Stateless
public class AgentRunner {

    /** Capability an agent needs to write a spec. */
    public static final String SPEC_CAPABILITY = "spec.write";
    /** Capability an agent needs to implement a plan. */
    public static final String CODE_CAPABILITY = "code.write";

    private static final Logger LOG = Logger.getLogger(AgentRunner.class.getName());
    private static final String SYSTEM = "system";

    @PersistenceContext
    EntityManager em;

    @Inject
    TaskProgression progression;

    @Inject
    OrdersInHand inHand;

    @Inject
    AuditTrail audit;

    @Inject
    AgentPool pool;

    @Inject
    AgentGallery gallery;

    @Inject
    PriorLearnings learnings;

    @Inject
    Event<ClaimedStep> claims;

    @Inject
    @ConfigProperty(name = "helix.worker.step-delay", defaultValue = "PT0.25S")
    Duration stepDelay;

    @Inject
    @ConfigProperty(name = "helix.worker.pool-busy-retry", defaultValue = "PT1S")
    Duration poolBusyRetry;

    @Inject
    @ConfigProperty(name = "helix.worker.pool-busy-retry-longest", defaultValue = "PT15S")
    Duration poolBusyRetryLongest;

    @Inject
    ModelCalls modelCalls;

    public void advance(WorkOrder order) {
        inHand.take(order);
        try {
            step(order);
        } finally {
            inHand.release(order);
        }
    }

    private void step(WorkOrder order) {
        Task task = em.find(Task.class, order.taskId());
        if (task == null || task.getDispatchSeq() != order.seq()) {
            LOG.fine(() -> "Ignoring stale work order " + order);
            return;
        }
        switch (task.getStatus()) {
            case BACKLOG -> {
                if (task.isJustDoIt()) {
                    queueImplementation(task, "just do it: spec skipped");
                } else {
                    withAgent(task, SPEC_CAPABILITY, "SPEC", agent -> {
                        progression.move(task, TaskStatus.SPEC_GENERATION, agent.getName(), null, Instant.now());
                        progression.dispatch(task, stepDelay);
                    });
                }
            }
            case SPEC_GENERATION -> withAgent(task, SPEC_CAPABILITY, "SPEC",
                    agent -> claim(task, agent, ClaimedStep.Kind.WRITE_SPEC, specRequest(task, null), null, 0));
            case SPEC_REVISION -> withAgent(task, SPEC_CAPABILITY, "SPEC_REVISION",
                    agent -> claim(task, agent, ClaimedStep.Kind.WRITE_SPEC, specRequest(task, lastRejection(task)), null, 0));
            case SPEC_APPROVED -> queueImplementation(task, null);
            case IMPLEMENTATION_QUEUED -> withAgent(task, CODE_CAPABILITY, "IMPLEMENTATION", agent -> startImplementation(task, agent));
            case IMPLEMENTATION -> withAgent(task, CODE_CAPABILITY, "IMPLEMENTATION", agent -> workChecklist(task, agent));
            default -> LOG.fine(() -> "Task " + task.getId() + " in " + task.getStatus() + " has no work to do");
        }
    }

    /** Gives up on the task of a work order that failed every delivery: the task fails with the reason. */
    public void giveUp(WorkOrder order, int attempts) {
        Task task = em.find(Task.class, order.taskId());
        if (task == null || task.getDispatchSeq() != order.seq() || task.getStatus().isTerminal()) {
            return;
        }
        String lastError = em.createQuery("SELECT f FROM DispatchFailure f WHERE f.taskId = :id ORDER BY f.id DESC", DispatchFailure.class)
                .setParameter("id", task.getId()).setMaxResults(1).getResultStream().findFirst()
                .map(DispatchFailure::getError).orElse("no error was recorded");
        progression.fail(task, SYSTEM, "Gave up after " + attempts + " failed deliveries of the work order: " + lastError, null);
    }

    /**
     * Sends a fresh order for a task whose order is overdue and no longer on the queue (the missing one, should it
     * turn up, is stale). Does nothing when the task has moved on meanwhile.
     */
    public void resend(WorkOrder missing) {
        Task task = em.find(Task.class, missing.taskId());
        if (task == null || task.getDispatchSeq() != missing.seq() || !task.getStatus().awaitsWorkOrder()) {
            return;
        }
        String detail = "Work order " + missing.seq() + ", due at " + task.getDispatchDueAt()
                + ", was not on the dispatch queue; sent order " + (missing.seq() + 1);
        progression.dispatch(task, Duration.ZERO);
        audit.record(AuditEntry.system("task.redispatch", "/api/v1/tasks/" + task.getId(), detail));
        LOG.warning(() -> "Task " + task.getId() + " in " + task.getStatus() + ": " + detail);
    }

    private void withAgent(Task task, String capability, String phase, Consumer<Agent> work) {
        Optional<Agent> agent = pool.allocate(task.getId(), capability, task.getAgentId(), phase);
        if (agent.isEmpty()) {
            Duration pause = new AgentWait(poolBusyRetry, poolBusyRetryLongest)
                    .after(Duration.between(task.getUpdatedAt(), Instant.now()));
            LOG.fine(() -> "No agent with " + capability + " free for task " + task.getId() + "; asking again in " + pause);
            progression.dispatch(task, pause);
            return;
        }
        task.assignAgent(agent.get().getId());
        work.accept(agent.get());
    }

    /**
     * Queues the task for implementation and, in the same step, hands it to a free coding agent; the task waits in
     * {@code IMPLEMENTATION_QUEUED} only while every such agent is busy. Both transitions are recorded and announced.
     */
    private void queueImplementation(Task task, String note) {
        progression.move(task, TaskStatus.IMPLEMENTATION_QUEUED, SYSTEM, note, Instant.now());
        withAgent(task, CODE_CAPABILITY, "IMPLEMENTATION", agent -> startImplementation(task, agent));
    }

    /** Starts implementing, once the task has a plan: one that skipped the spec gate has its agent draft one first. */
    private void startImplementation(Task task, Agent agent) {
        if (task.getPlan() == null || task.getPlan().isBlank()) {
            claim(task, agent, ClaimedStep.Kind.DRAFT_PLAN, specRequest(task, null), null, 0);
            return;
        }
        progression.move(task, TaskStatus.IMPLEMENTATION, agent.getName(), null, Instant.now());
        progression.dispatch(task, stepDelay);
    }

    /** Starts the current checklist item, or, once it is started, has the agent's model work on it. */
    private void workChecklist(Task task, Agent agent) {
        Checklist checklist = Checklist.parse(task.getPlan());
        Optional<ChecklistItem> current = checklist.current();
        if (current.isEmpty()) {
            progression.move(task, TaskStatus.IMPLEMENTATION_REVIEW, agent.getName(), null, Instant.now());
            pool.release(agent.getId(), task.getId(), "IMPLEMENTATION_REVIEW");
            return;
        }
        ChecklistItem item = current.get();
        if (item.state() == ItemState.PENDING) {
            task.updatePlan(checklist.withState(item, ItemState.IN_PROGRESS));
            pool.recordStep(agent, task.getId(), "Started: " + item.text(), 0);
            progression.announceProgress(task, ItemState.IN_PROGRESS, item.text(), agent.getName());
            progression.dispatch(task, stepDelay);
        } else {
            claim(task, agent, ClaimedStep.Kind.WORK_ITEM, null,
                    new ItemRequest(task.getTitle(), task.getPrompt(), task.getDesign(), item.text()), item.index() + 1);
        }
    }

    /**
     * Claims a step for the agent's model: the order stays the task's current one, due only when the step's lease
     * runs out (renewed while the model works), and the step starts once this transaction commits.
     */
    private void claim(Task task, Agent agent, ClaimedStep.Kind kind, SpecRequest spec, ItemRequest work, int itemNumber) {
        AgentProfile profile = gallery.profile(agent.getRole());
        task.holdDispatchUntil(Instant.now().plus(modelCalls.lease()));
        claims.fire(new ClaimedStep(new WorkOrder(task.getId(), task.getDispatchSeq(), task.getPriority()), kind,
                task.getStatus(), agent.getId(), agent.getName(), profile.getProvider(), profile.getModel(), spec, work,
                itemNumber, task.getProjectId(), task.getCreatedBy(), task.getReplayOf()));
    }

    private SpecRequest specRequest(Task task, String feedback) {
        SpecDraft previous = task.getRequirements() == null ? null
                : new SpecDraft(task.getRequirements(), task.getDesign(), task.getPlan(), 0);
        return new SpecRequest(task.getTitle(), task.getPrompt(), previous, feedback, learnings.recallFor(task));
    }

    private String lastRejection(Task task) {
        return em.createQuery("SELECT a.comment FROM Approval a WHERE a.taskId = :id AND a.gate = :gate "
                        + "AND a.decision = :reject ORDER BY a.id DESC", String.class)
                .setParameter("id", task.getId()).setParameter("gate", Gate.SPEC).setParameter("reject", Decision.REJECT)
                .setMaxResults(1).getResultStream().findFirst().orElse("Revise the spec");
    }
}
