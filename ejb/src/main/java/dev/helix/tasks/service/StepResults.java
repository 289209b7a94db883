package dev.helix.tasks.service;

import dev.helix.agents.service.AgentPool;
import dev.helix.providers.model.ModelAnswerRejectedException;
import dev.helix.providers.model.ProviderCircuitOpenException;
import dev.helix.providers.model.SpecDraft;
import dev.helix.providers.model.StepResult;
import dev.helix.shared.model.Abbreviation;
import dev.helix.tasks.internal.TaskProgression;
import dev.helix.tasks.model.Checklist;
import dev.helix.tasks.model.ChecklistItem;
import dev.helix.tasks.model.ClaimedStep;
import dev.helix.tasks.model.DispatchFailure;
import dev.helix.tasks.model.ItemState;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.model.WorkStoppedException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records what came of a {@link ClaimedStep}, each in a short transaction of its own once the model has answered:
 * the documents written, the checklist item done, or the failure. An answer counts only while the task still waits
 * for that step (a task cancelled or moved on meanwhile keeps its state). A failed call is tried again after a pause,
 * up to {@code helix.dispatch.max-deliveries} times in a row, then the task fails with the reason; a provider whose
 * circuit is open is no failure of the step: it leaves the agent FAILED with the reason, and the task waits until the
 * circuit lets a call by.
 */
@Stateless
public class StepResults {

    private static final Logger LOG = Logger.getLogger(StepResults.class.getName());
    private static final String SYSTEM = "system";
    private static final int MAX_REASON = 3000;

    @PersistenceContext
    EntityManager em;

    @Inject
    TaskProgression progression;

    @Inject
    AgentPool pool;

    @Inject
    ModelTranscripts transcripts;

    @Inject
    @ConfigProperty(name = "helix.worker.step-delay", defaultValue = "PT0.25S")
    Duration stepDelay;

    @Inject
    @ConfigProperty(name = "helix.dispatch.max-deliveries", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "helix.dispatch.redelivery-interval", defaultValue = "1000")
    long retryMillis;

    /** The spec (or a just-do-it task's plan) the model wrote. */
    public void drafted(ClaimedStep step, SpecDraft draft) {
        Task task = waitingFor(step);
        if (task == null) {
            return;
        }
        task.stepSucceeded();
        task.writeDocuments(draft.requirements(), draft.design(), draft.plan());
        if (step.kind() == ClaimedStep.Kind.DRAFT_PLAN) {
            recordStep(step, task, "Drafted the plan", draft.tokens());
            progression.move(task, TaskStatus.IMPLEMENTATION, step.agentName(), null, Instant.now());
            progression.dispatch(task, stepDelay);
        } else {
            recordStep(step, task, step.spec().feedback() == null ? "Wrote the spec" : "Revised the spec", draft.tokens());
            progression.move(task, TaskStatus.SPEC_REVIEW, step.agentName(), null, Instant.now());
            pool.release(step.agentId(), task.getId(), "SPEC_REVIEW");
        }
    }

    /** The checklist item the model worked on is done; the last one hands the task to review. */
    public void worked(ClaimedStep step, StepResult result) {
        Task task = waitingFor(step);
        if (task == null) {
            return;
        }
        Checklist checklist = Checklist.parse(task.getPlan());
        Optional<ChecklistItem> current = checklist.current();
        if (current.isEmpty() || current.get().state() != ItemState.IN_PROGRESS || !current.get().text().equals(step.work().item())) {
            LOG.info(() -> "Task " + task.getId() + "'s plan changed while '" + step.work().item() + "' was worked on; the answer is dropped");
            progression.dispatch(task, stepDelay);
            return;
        }
        task.stepSucceeded();
        task.updatePlan(checklist.withState(current.get(), ItemState.DONE));
        recordStep(step, task, result.summary(), result.tokens());
        progression.announceProgress(task, ItemState.DONE, step.work().item(), step.agentName());
        if (Checklist.parse(task.getPlan()).current().isEmpty()) {
            progression.move(task, TaskStatus.IMPLEMENTATION_REVIEW, step.agentName(), null, Instant.now());
            pool.release(step.agentId(), task.getId(), "IMPLEMENTATION_REVIEW");
        } else {
            progression.dispatch(task, stepDelay);
        }
    }

    /** The model never gave a usable answer: the task fails, with the model's last answer to read. */
    public void rejected(ClaimedStep step, ModelAnswerRejectedException e) {
        Task task = waitingFor(step);
        if (task != null) {
            chargeUnfinished(step, task);
            progression.fail(task, step.agentName(), e.getMessage(), e.answer() == null ? null : "The model's last answer:\n" + e.answer());
        }
    }

    /** Helix stopped the agent's work (a budget ran out, or the model looped): the task fails with the reason. */
    public void stopped(ClaimedStep step, WorkStoppedException e) {
        Task task = waitingFor(step);
        if (task != null) {
            chargeUnfinished(step, task);
            progression.fail(task, step.agentName(), e.getMessage(), null);
        }
    }

    /** The call failed: the step is tried again after a pause, or, after too many failures in a row, given up. */
    public void failed(ClaimedStep step, RuntimeException error) {
        Task task = waitingFor(step);
        if (task == null) {
            return;
        }
        chargeUnfinished(step, task);
        String reason = Abbreviation.of(error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage(), MAX_REASON);
        if (error instanceof ProviderCircuitOpenException open) {
            // Not a failure of the step: the provider is resting. The agent shows why; the task waits for the circuit.
            em.persist(new DispatchFailure(task.getId(), "seq-" + step.order().seq(), 0, reason, Instant.now()));
            pool.fail(step.agentId(), task.getId(), reason);
            progression.dispatch(task, open.retryIn().compareTo(stepDelay) > 0 ? open.retryIn() : stepDelay);
            return;
        }
        int failures = task.countStepFailure();
        em.persist(new DispatchFailure(task.getId(), "seq-" + step.order().seq(), failures, reason, Instant.now()));
        if (failures >= maxAttempts) {
            progression.fail(task, SYSTEM, "Gave up after " + failures + " failed attempts at the step: " + reason, null);
            return;
        }
        progression.dispatch(task, Duration.ofMillis(retryMillis).multipliedBy(failures));
    }

    /** The task, if it still waits for this step's answer. */
    private Task waitingFor(ClaimedStep step) {
        Task task = em.find(Task.class, step.taskId());
        if (task == null || task.getDispatchSeq() != step.order().seq() || task.getStatus() != step.claimedIn()) {
            LOG.fine(() -> "Task " + step.taskId() + " no longer waits for " + step.kind() + "; the answer is dropped");
            return null;
        }
        return task;
    }

    /** The tokens the calls of a step that did not finish spent count on the task and its agent all the same. */
    private void chargeUnfinished(ClaimedStep step, Task task) {
        long tokens = transcripts.tokensOf(step);
        if (tokens > 0) {
            task.addTokens(tokens);
            pool.spend(step.agentId(), tokens);
        }
    }

    private void recordStep(ClaimedStep step, Task task, String line, long tokens) {
        transcripts.completed(step);
        task.addTokens(tokens);
        pool.recordStep(step.agentId(), step.taskId(), line, tokens);
    }
}
