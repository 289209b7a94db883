package dev.helix.batch;

import dev.helix.runs.model.RunStatus;
import dev.helix.spirals.service.SpiralExecutor;
import dev.helix.spirals.service.SpiralRunLedger;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The one step of the {@code spiral-run} job: runs a spiral run's steps from where it stands. A run that fails
 * fails the job execution, so Liberty's batch tool shows it FAILED and the job can be restarted; a stop request
 * reaches the run between its steps.
 */
@Named
@Dependent
public class SpiralRunBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    JobContext job;

    @Inject
    SpiralExecutor executor;

    @Inject
    SpiralRunLedger ledger;

    private volatile boolean stopRequested;

    @Override
    public String process() {
        long run = Long.parseLong(runId);
        RunStatus ended;
        try {
            ended = executor.execute(run, job.getExecutionId(), () -> stopRequested);
        } catch (RuntimeException e) {
            ledger.end(run, RunStatus.FAILED, "the run broke off: " + e.getMessage());
            throw e;
        }
        job.setExitStatus("run " + run + " " + ended);
        if (ended == RunStatus.FAILED) {
            throw new IllegalStateException("Spiral run " + run + " failed; restart it to resume at the failed step");
        }
        return ended.name();
    }

    @Override
    public void stop() {
        stopRequested = true;
    }
}
