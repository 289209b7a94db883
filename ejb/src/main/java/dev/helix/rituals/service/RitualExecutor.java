package dev.helix.rituals.service;

import dev.helix.rituals.model.RitualRun;
import dev.helix.rituals.model.RitualRunStage;
import dev.helix.runs.model.RunStatus;
import dev.helix.rituals.model.StageStep;
import dev.helix.shared.error.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import dev.helix.runs.model.RunEnded;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a ritual run step by step inside its batch job (a chunk step: one ritual step per chunk, checkpointed).
 * Steps are numbered 1 to the run's total across its stages; each is performed and recorded in the chunk's
 * transaction, and a step already recorded done is not performed again, so a resumed run repeats nothing.
 */
@Stateless
public class RitualExecutor {

    @Inject
    Event<RunEnded> ended;

    @PersistenceContext
    EntityManager em;

    @Inject
    RitualStages stages;

    /** An execution takes the run up; returns the number of the next step to perform. */
    public int begin(long runId, long executionId) {
        RitualRun run = run(runId);
        run.running(executionId, Instant.now());
        return run.getStepsDone() + 1;
    }

    /** The run's total number of steps. */
    public int total(long runId) {
        return run(runId).getStepsTotal();
    }

    /** Performs step {@code number} (1-based, across stages), unless it is done already. */
    public void perform(long runId, int number) {
        RitualRun run = run(runId);
        if (number <= run.getStepsDone()) {
            return;
        }
        List<RitualRunStage> plan = plan(runId);
        int before = 0;
        for (RitualRunStage stage : plan) {
            if (number <= before + stage.getSteps()) {
                Map<String, String> results = new LinkedHashMap<>();
                plan.forEach(s -> results.put(s.getStage(), s.getResult()));
                String line = stages.stage(stage.getStage())
                        .perform(new StageStep(runId, number - before, stage.getSteps(), run.isDryRun(), results));
                stage.stepDone(line, Instant.now());
                run.stepDone(stage.getStage());
                return;
            }
            before += stage.getSteps();
        }
        throw new IllegalStateException("Ritual run " + runId + " has no step " + number);
    }

    /**
     * A step failed: the run fails, and the stage it was in, recorded in a transaction of its own (the step's
     * rolls back). The run stays failed: only a lost server makes the supervisor restart a run.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long runId, int number, String reason) {
        ended.fire(run(runId).end(RunStatus.FAILED, "step " + number + " failed: " + reason, Instant.now()));
        plan(runId).stream().filter(s -> s.getStepsDone() < s.getSteps()).findFirst().ifPresent(s -> s.fail(Instant.now()));
    }

    /** All steps are done: the run completed, summed up by the last line of its last stage. */
    public void finish(long runId) {
        RitualRun run = run(runId);
        List<RitualRunStage> plan = plan(runId);
        String last = plan.isEmpty() ? "" : plan.get(plan.size() - 1).getResult();
        int newline = last.lastIndexOf('\n');
        String summary = (run.isDryRun() ? "dry run: " : "") + (newline < 0 ? last : last.substring(newline + 1));
        ended.fire(run.end(RunStatus.COMPLETED, summary, Instant.now()));
    }

    /** The stages of a run, in order. */
    public List<RitualRunStage> plan(long runId) {
        return em.createQuery("SELECT s FROM RitualRunStage s WHERE s.runId = :run ORDER BY s.position", RitualRunStage.class)
                .setParameter("run", runId).getResultList();
    }

    private RitualRun run(long runId) {
        RitualRun run = em.find(RitualRun.class, runId);
        if (run == null) {
            throw new NotFoundException("Ritual run", runId);
        }
        return run;
    }
}
