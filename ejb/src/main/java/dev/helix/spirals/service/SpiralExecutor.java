package dev.helix.spirals.service;

import dev.helix.spirals.outbound.HttpStep;
import dev.helix.spirals.model.definition.ErrorPolicy;
import dev.helix.spirals.model.definition.OnError;
import dev.helix.runs.model.RunStatus;
import dev.helix.spirals.model.definition.SpiralDefinition;
import dev.helix.spirals.model.SpiralRun;
import dev.helix.spirals.model.definition.SpiralStep;
import dev.helix.spirals.model.definition.StepAction;
import dev.helix.spirals.model.StepStatus;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * Runs a spiral run's steps, from where it stands, inside its batch job: conditions (one that cannot be evaluated
 * fails the step), attempts with back-off, waits, and the error policy. Holds no transaction of its own: each attempt and each record has one
 * ({@link StepPerformer}, {@link SpiralRunLedger}). A stop request is honoured between steps and ends waits.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SpiralExecutor {

    private static final long STOP_POLL_MILLIS = 50;

    @Inject
    SpiralRunLedger ledger;

    @Inject
    StepPerformer performer;

    @Inject
    SpiralRuns runs;

    @Inject
    HttpStep http;

    /** Runs the run with this batch execution until it completes, fails or is stopped; returns how it ended. */
    public RunStatus execute(long runId, long executionId, BooleanSupplier stopRequested) {
        var started = ledger.begin(runId, executionId);
        if (started.isEmpty()) {
            return RunStatus.STOPPED;
        }
        SpiralRun run = started.get().run();
        SpiralDefinition definition = started.get().definition();
        Map<String, Object> variables = started.get().variables();
        int position = run.getNextPosition();
        while (position < definition.steps().size()) {
            if (stopRequested.getAsBoolean() || ledger.status(runId) == RunStatus.STOPPING) {
                ledger.end(runId, RunStatus.STOPPED, "stopped before step " + definition.steps().get(position).id());
                return RunStatus.STOPPED;
            }
            Outcome outcome = attempts(run, definition, position, variables, stopRequested);
            if (outcome.status() != null) {
                return outcome.status();
            }
            variables = outcome.variables();
            position = outcome.next();
        }
        ledger.end(runId, RunStatus.COMPLETED, null);
        return RunStatus.COMPLETED;
    }

    /** Where a step left the run: going on ({@code status} null) or ended with {@code status}. */
    private record Outcome(RunStatus status, Map<String, Object> variables, int next) {
    }

    private Outcome attempts(SpiralRun run, SpiralDefinition definition, int position, Map<String, Object> variables,
                             BooleanSupplier stopRequested) {
        SpiralStep step = definition.steps().get(position);
        long runId = run.getId();
        for (int attempt = 1; ; attempt++) {
            ledger.attempt(runId, position, step, attempt);
            try {
                if (step.when() != null && !step.when().test(variables)) {
                    ledger.stepEnded(runId, position, step, StepStatus.SKIPPED, "condition " + step.when().source() + " is false",
                            position + 1, variables);
                    return new Outcome(null, variables, position + 1);
                }
                if (step.action() instanceof StepAction.Wait wait) {
                    if (!pause(wait.millis(), runId, stopRequested)) {
                        ledger.end(runId, RunStatus.STOPPED, "stopped while waiting at step " + step.id());
                        return new Outcome(RunStatus.STOPPED, variables, position);
                    }
                    ledger.stepEnded(runId, position, step, StepStatus.COMPLETED, "waited " + wait.millis() + " ms", position + 1, variables);
                    return new Outcome(null, variables, position + 1);
                }
                StepPerformer.Result result = step.action() instanceof StepAction.HttpCall call
                        ? called(run, position, step, call, variables)
                        : performer.perform(run, definition, position, variables);
                return new Outcome(null, result.variables(), result.next());
            } catch (RuntimeException e) {
                String reason = reason(e);
                boolean last = attempt >= step.retry().maxAttempts();
                long delay = last ? 0 : step.retry().delayBefore(attempt + 1, ThreadLocalRandom.current());
                ledger.attemptFailed(runId, position, step, attempt, reason, last, delay);
                if (!last) {
                    if (!pause(delay, runId, stopRequested)) {
                        ledger.end(runId, RunStatus.STOPPED, "stopped while retrying step " + step.id());
                        return new Outcome(RunStatus.STOPPED, variables, position);
                    }
                    continue;
                }
                return failed(run, definition, step, position, variables, reason);
            }
        }
    }

    private Outcome failed(SpiralRun run, SpiralDefinition definition, SpiralStep step, int position,
                           Map<String, Object> variables, String reason) {
        OnError onError = definition.onErrorOf(step);
        if (onError.policy() == ErrorPolicy.CONTINUE) {
            ledger.stepEnded(run.getId(), position, step, StepStatus.FAILED, reason, position + 1, variables);
            return new Outcome(null, variables, position + 1);
        }
        SpiralRun ended = ledger.end(run.getId(), RunStatus.FAILED, "step " + step.id() + " failed: " + reason);
        if (onError.policy() == ErrorPolicy.ERROR_SPIRAL) {
            runs.startErrorSpiral(onError.errorSpiral(), ended, step.id(), reason);
        }
        return new Outcome(RunStatus.FAILED, variables, position);
    }

    /** An HTTP call is made outside any transaction (it may take its time), then recorded in one of its own. */
    private StepPerformer.Result called(SpiralRun run, int position, SpiralStep step, StepAction.HttpCall call,
                                        Map<String, Object> variables) {
        StepPerformer.Result result = http.call(run, position, call, variables);
        ledger.stepEnded(run.getId(), position, step, StepStatus.COMPLETED, result.output(), result.next(), result.variables());
        return result;
    }

    /** Waits, in short slices so a stop request ends the wait; false when stopped. */
    private boolean pause(long millis, long runId, BooleanSupplier stopRequested) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (stopRequested.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(Math.min(STOP_POLL_MILLIS, Math.max(1, deadline - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stopRequested.getAsBoolean() && ledger.status(runId) != RunStatus.STOPPING;
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof EJBException || cause.getMessage() == null) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
