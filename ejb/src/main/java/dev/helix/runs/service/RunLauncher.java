package dev.helix.runs.service;

import dev.helix.runs.internal.RunLedger;
import dev.helix.runs.port.BatchJobs;
import dev.helix.runs.model.BatchRun;
import dev.helix.shared.error.ConflictException;
import dev.helix.runs.model.RunQueued;
import dev.helix.runs.model.StopRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the batch job of a queued run once the run's transaction has committed (so the job finds the run), or
 * restarts its last execution when it has run before (a restart resumes where it ended). The run is claimed first,
 * so of several servers, or a sweep and this observer, only one starts it. The job gets the run's id as its
 * {@code runId} parameter. Likewise it asks the execution of a run marked stopping to stop, once that is committed.
 */
@ApplicationScoped
public class RunLauncher {

    private static final Logger LOG = Logger.getLogger(RunLauncher.class.getName());

    @Inject
    RunLedger ledger;

    @Inject
    BatchJobs batch;

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) RunQueued queued) {
        launch(queued.kind(), queued.runId());
    }

    /** Asks the batch execution of a run marked stopping to stop (the executor also sees the status itself). */
    void onStopRequested(@Observes(during = TransactionPhase.AFTER_SUCCESS) StopRequested stop) {
        try {
            batch.stop(stop.executionId());
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "Execution " + stop.executionId() + " was not stopped by the batch runtime; the run stops "
                    + "after its current step", e);
        }
    }

    /** Starts or restarts the run's job, unless someone else already has. */
    public void launch(Class<? extends BatchRun> kind, long runId) {
        Optional<RunLedger.Claimed> claimed = ledger.claim(kind, runId);
        if (claimed.isEmpty()) {
            return;
        }
        Long last = claimed.get().lastExecution();
        try {
            BatchJobs.Execution execution = last == null ? batch.start(claimed.get().job(), parameters(runId))
                    : restartOrStart(claimed.get().job(), last, runId);
            ledger.launched(kind, runId, execution.instanceId(), execution.executionId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, (last == null ? "Starting " : "Restarting ") + claimed.get().job() + " for run " + runId + " failed", e);
            ledger.launchFailed(kind, runId, last != null, e.getMessage());
        }
    }

    /**
     * Restarts the last execution; when the runtime refuses (it ended COMPLETED, as when the run stopped itself on
     * seeing its status before the batch stop arrived), starts a new job instance: the run resumes from its own
     * record (a spiral's next step, a ritual's steps done) either way.
     */
    private BatchJobs.Execution restartOrStart(String job, long last, long runId) {
        try {
            return batch.restart(last, parameters(runId));
        } catch (ConflictException refused) {
            LOG.info(() -> "Execution " + last + " of run " + runId + " cannot be restarted (" + refused.getMessage()
                    + "); starting a new instance of " + job);
            return batch.start(job, parameters(runId));
        }
    }

    private static Properties parameters(long runId) {
        Properties parameters = new Properties();
        parameters.setProperty("runId", Long.toString(runId));
        return parameters;
    }
}
