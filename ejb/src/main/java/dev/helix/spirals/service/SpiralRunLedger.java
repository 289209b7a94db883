package dev.helix.spirals.service;

import dev.helix.shared.error.NotFoundException;
import dev.helix.runs.model.RunStatus;
import dev.helix.spirals.model.JsonValues;
import dev.helix.spirals.model.definition.SpiralDefinition;
import dev.helix.spirals.model.SpiralRun;
import dev.helix.spirals.model.SpiralRunStep;
import dev.helix.spirals.model.definition.SpiralStep;
import dev.helix.spirals.model.SpiralVersion;
import dev.helix.spirals.model.StepStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import dev.helix.runs.model.RunEnded;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Records what happens to a run and its steps, each record in a transaction of its own, so the record of a
 * failed attempt survives the attempt's rollback and a run's state is always what its steps did.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SpiralRunLedger {

    @Inject
    Event<RunEnded> ended;

    @PersistenceContext
    EntityManager em;

    @Inject
    SpiralDefinitions definitions;

    /** What an execution needs to (re)start a run: the definition of its version, its variables, where to go on. */
    public record RunState(SpiralRun run, SpiralDefinition definition, Map<String, Object> variables) {
    }

    /** An execution takes the run up (a first start or a restart); empty when the run was stopped meanwhile. */
    public Optional<RunState> begin(long runId, long executionId) {
        SpiralRun run = em.find(SpiralRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            throw new NotFoundException("Run", runId);
        }
        if (run.getStatus() == RunStatus.STOPPING || run.getStatus() == RunStatus.STOPPED) {
            ended.fire(run.end(RunStatus.STOPPED, "stopped before it started", Instant.now()));
            return Optional.empty();
        }
        run.running(executionId, Instant.now());
        SpiralDefinition definition = definitions.of(em.find(SpiralVersion.class, new SpiralVersion.Key(run.getSpiralId(), run.getSpiralVersion())));
        return Optional.of(new RunState(run, definition, JsonValues.parseObject(run.getVariables())));
    }

    /** An attempt of a step begins. */
    public void attempt(long runId, int position, SpiralStep step, int attempt) {
        SpiralRunStep record = step(runId, position, step);
        record.attempt(Instant.now());
        record.log(Instant.now(), "attempt " + attempt + " of " + step.retry().maxAttempts() + " started");
    }

    /** An attempt failed; with {@code last} the step has failed for good. */
    public void attemptFailed(long runId, int position, SpiralStep step, int attempt, String reason, boolean last, long retryInMillis) {
        SpiralRunStep record = step(runId, position, step);
        Instant now = Instant.now();
        record.log(now, "attempt " + attempt + " failed: " + reason + (last ? "" : "; retrying in " + retryInMillis + " ms"));
        if (last) {
            record.end(StepStatus.FAILED, reason, now);
        }
    }

    /**
     * A step is done (completed, skipped, or failed with the CONTINUE policy): the run goes on at {@code next}.
     * Joins the caller's transaction, so a step's effect and its record commit together.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void stepEnded(long runId, int position, SpiralStep step, StepStatus status, String output, int next, Map<String, Object> variables) {
        SpiralRunStep record = step(runId, position, step);
        Instant now = Instant.now();
        if (record.getStatus() != StepStatus.FAILED || status != StepStatus.FAILED) {
            record.end(status, output, now);
        }
        record.log(now, status + (output == null ? "" : ": " + output));
        run(runId).advance(next, JsonValues.toJson(variables).toString());
    }

    /** The run ended. */
    public SpiralRun end(long runId, RunStatus status, String error) {
        SpiralRun run = run(runId);
        ended.fire(run.end(status, error, Instant.now()));
        return run;
    }

    /** The run's current status (as committed). */
    public RunStatus status(long runId) {
        return run(runId).getStatus();
    }

    private SpiralRun run(long runId) {
        SpiralRun run = em.find(SpiralRun.class, runId);
        if (run == null) {
            throw new NotFoundException("Run", runId);
        }
        return run;
    }

    private SpiralRunStep step(long runId, int position, SpiralStep step) {
        return em.createQuery("SELECT s FROM SpiralRunStep s WHERE s.runId = :run AND s.position = :position", SpiralRunStep.class)
                .setParameter("run", runId).setParameter("position", position).getResultStream().findFirst()
                .orElseGet(() -> {
                    SpiralRunStep created = new SpiralRunStep(runId, position, step);
                    em.persist(created);
                    return created;
                });
    }
}
