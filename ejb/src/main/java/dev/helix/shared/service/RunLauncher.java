package dev.helix.shared.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the batch job of a queued run (a spiral's or a ritual's): the run is claimed first, so of several
 * servers, or a sweep and an after-commit observer, only one starts it; a start that fails puts the run back in
 * the queue for the next sweep. The job gets the run's id as its {@code runId} parameter.
 */
@ApplicationScoped
public class RunLauncher {

    private static final Logger LOG = Logger.getLogger(RunLauncher.class.getName());

    /** What the launcher records about a run, each in a transaction of its own. */
    public interface Ledger {

        /** Claims a queued run; false when someone else claimed it first. */
        boolean claim(long runId);

        void launched(long runId, long instanceId, long executionId);

        /** Starting failed: the run is queued again. */
        void launchFailed(long runId);
    }

    @Inject
    BatchJobs batch;

    public void launch(String job, long runId, Ledger ledger) {
        if (!ledger.claim(runId)) {
            return;
        }
        try {
            BatchJobs.Execution execution = batch.start(job, parameters(runId));
            ledger.launched(runId, execution.instanceId(), execution.executionId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Starting " + job + " for run " + runId + " failed; the run stays queued", e);
            ledger.launchFailed(runId);
        }
    }

    /** Restarts the run's failed or stopped execution as a new execution of the same job instance. */
    public BatchJobs.Execution restart(long executionId, long runId) {
        return batch.restart(executionId, parameters(runId));
    }

    private static Properties parameters(long runId) {
        Properties parameters = new Properties();
        parameters.setProperty("runId", Long.toString(runId));
        return parameters;
    }
}
