package dev.helix.tasks.service;

import dev.helix.tasks.port.PriorLearnings;
import dev.helix.agents.model.Agent;
import dev.helix.agents.model.AgentProfile;
import dev.helix.agents.service.AgentGallery;
import dev.helix.agents.service.AgentPool;
import dev.helix.audit.model.AuditEntry;
import dev.helix.audit.service.AuditTrail;
import dev.helix.providers.model.ModelAnswerRejectedException;
import dev.helix.providers.model.SpecDraft;
import dev.helix.providers.model.SpecRequest;
import dev.helix.providers.model.StepResult;
import dev.helix.providers.port.ModelProvider;
import dev.helix.providers.service.ProviderRegistry;
import dev.helix.shared.model.Abbreviation;
import dev.helix.tasks.internal.OrdersInHand;
import dev.helix.tasks.internal.TaskProgression;
import dev.helix.tasks.model.Checklist;
import dev.helix.tasks.model.ChecklistItem;
import dev.helix.tasks.model.Decision;
import dev.helix.tasks.model.DispatchFailure;
import dev.helix.tasks.model.Gate;
import dev.helix.tasks.model.ItemState;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.model.TaskLifecycle;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.model.WorkOrder;
import jakarta.ejb.Stateless;
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
 * Advances a task by one step on behalf of its agent, as a work order asks: claims an agent from the
 * pool, lets it write or revise the spec through its model provider, or works the plan's checklist
 * one item at a time (marking it {@code [~]}, then {@code [x]}), and sends the next work order.
 * Runs in the transaction of the message that carried the order; stale orders are ignored, so a
 * redelivered message never does the same work twice.
 */
@Stateless
public class AgentRunner {

    /** Capability an agent needs to write a spec. */
    public static final String SPEC_CAPABILITY = "spec.write";
    /** Capability an agent needs to implement a plan. */
    public static final String CODE_CAPABILITY = "code.write";

    private static final Logger LOG = Logger.getLogger(AgentRunner.class.getName());
    private static final String SYSTEM = "system";
    /** The most characters a task's failure reason and a transition's note hold. */
    private static final int MAX_TEXT = 4000;

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
    ProviderRegistry providers;

    @Inject
    PriorLearnings learnings;

    @Inject
    @ConfigProperty(name = "helix.worker.step-delay", defaultValue = "PT0.25S")
    Duration stepDelay;

    @Inject
    @ConfigProperty(name = "helix.worker.pool-busy-retry", defaultValue = "PT1S")
    Duration poolBusyRetry;

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
            case SPEC_GENERATION -> withAgent(task, SPEC_CAPABILITY, "SPEC", agent -> writeSpec(task, agent, null));
            case SPEC_REVISION -> withAgent(task, SPEC_CAPABILITY, "SPEC_REVISION",
                    agent -> writeSpec(task, agent, lastRejection(task)));
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
        fail(task, SYSTEM, "Gave up after " + attempts + " failed deliveries of the work order: " + lastError, null);
    }

    /** Fails the task for good: the reason (and what else is worth reading, if any) is kept on it and audited. */
    private void fail(Task task, String actor, String reason, String attachment) {
        task.recordFailure(attachment == null ? reason : Abbreviation.of(reason + "\n\n" + attachment, MAX_TEXT));
        progression.move(task, TaskLifecycle.failureOf(task), actor, Abbreviation.of(reason, MAX_TEXT), Instant.now());
        audit.record(AuditEntry.system("task.fail", "/api/v1/tasks/" + task.getId(), reason));
        task.withdrawDispatch();
        if (task.getAgentId() != null) {
            pool.giveUpTask(task.getAgentId(), task.getId());
        }
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
            LOG.fine(() -> "No agent with " + capability + " free for task " + task.getId() + "; retrying later");
            progression.dispatch(task, poolBusyRetry);
            return;
        }
        task.assignAgent(agent.get().getId());
        try {
            work.accept(agent.get());
        } catch (ModelAnswerRejectedException e) {
            fail(task, agent.get().getName(), e.getMessage(), "The model's last answer:\n" + e.answer());
        }
    }

    /**
     * Queues the task for implementation and, in the same step, hands it to a free coding agent; the task waits in
     * {@code IMPLEMENTATION_QUEUED} only while every such agent is busy. Both transitions are recorded and announced.
     */
    private void queueImplementation(Task task, String note) {
        progression.move(task, TaskStatus.IMPLEMENTATION_QUEUED, SYSTEM, note, Instant.now());
        withAgent(task, CODE_CAPABILITY, "IMPLEMENTATION", agent -> startImplementation(task, agent));
    }

    private void startImplementation(Task task, Agent agent) {
        if (task.getPlan() == null || task.getPlan().isBlank()) {
            SpecDraft draft = providerOf(agent).draftSpec(new SpecRequest(task.getTitle(), task.getPrompt(), null, null,
                    learnings.recallFor(task)), modelOf(agent));
            task.writeDocuments(draft.requirements(), draft.design(), draft.plan());
            pool.recordStep(agent, task.getId(), "Drafted the plan", draft.tokens());
        }
        progression.move(task, TaskStatus.IMPLEMENTATION, agent.getName(), null, Instant.now());
        progression.dispatch(task, stepDelay);
    }

    private void writeSpec(Task task, Agent agent, String feedback) {
        SpecDraft previous = task.getRequirements() == null ? null
                : new SpecDraft(task.getRequirements(), task.getDesign(), task.getPlan(), 0);
        SpecDraft draft = providerOf(agent).draftSpec(new SpecRequest(task.getTitle(), task.getPrompt(), previous, feedback,
                learnings.recallFor(task)), modelOf(agent));
        task.writeDocuments(draft.requirements(), draft.design(), draft.plan());
        pool.recordStep(agent, task.getId(), feedback == null ? "Wrote the spec" : "Revised the spec", draft.tokens());
        progression.move(task, TaskStatus.SPEC_REVIEW, agent.getName(), null, Instant.now());
        pool.release(agent.getId(), task.getId(), "SPEC_REVIEW");
    }

    /**
     * Works the current checklist item: starts it, or finishes it through the model provider. The step that finishes
     * the last item also hands the task to review, so no order is spent on finding the checklist done.
     */
    private void workChecklist(Task task, Agent agent) {
        Checklist checklist = Checklist.parse(task.getPlan());
        Optional<ChecklistItem> current = checklist.current();
        if (current.isEmpty()) {
            submitForReview(task, agent);
            return;
        }
        ChecklistItem item = current.get();
        if (item.state() == ItemState.PENDING) {
            task.updatePlan(checklist.withState(item, ItemState.IN_PROGRESS));
            pool.recordStep(agent, task.getId(), "Started: " + item.text(), 0);
        } else {
            StepResult result = providerOf(agent).work(task.getPrompt(), item.text(), modelOf(agent));
            task.updatePlan(checklist.withState(item, ItemState.DONE));
            pool.recordStep(agent, task.getId(), result.summary(), result.tokens());
        }
        progression.announceProgress(task, item.text());
        if (Checklist.parse(task.getPlan()).current().isEmpty()) {
            submitForReview(task, agent);
        } else {
            progression.dispatch(task, stepDelay);
        }
    }

    private void submitForReview(Task task, Agent agent) {
        progression.move(task, TaskStatus.IMPLEMENTATION_REVIEW, agent.getName(), null, Instant.now());
        pool.release(agent.getId(), task.getId(), "IMPLEMENTATION_REVIEW");
    }

    private String lastRejection(Task task) {
        return em.createQuery("SELECT a.comment FROM Approval a WHERE a.taskId = :id AND a.gate = :gate "
                        + "AND a.decision = :reject ORDER BY a.id DESC", String.class)
                .setParameter("id", task.getId()).setParameter("gate", Gate.SPEC).setParameter("reject", Decision.REJECT)
                .setMaxResults(1).getResultStream().findFirst().orElse("Revise the spec");
    }

    private ModelProvider providerOf(Agent agent) {
        return providers.byName(profileOf(agent).getProvider());
    }

    private String modelOf(Agent agent) {
        return profileOf(agent).getModel();
    }

    private AgentProfile profileOf(Agent agent) {
        return gallery.profile(agent.getRole());
    }
}
