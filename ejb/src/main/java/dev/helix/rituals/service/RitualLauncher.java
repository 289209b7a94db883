package dev.helix.rituals.service;

import dev.helix.rituals.model.RitualRun;
import dev.helix.rituals.model.RitualRunQueued;
import dev.helix.rituals.model.RitualRunStatus;
import dev.helix.shared.model.ScheduleFired;
import dev.helix.shared.service.BatchJobs;
import dev.helix.shared.service.RunLauncher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Starts ritual runs' batch jobs once their transaction has committed, resumes runs whose execution ended under
 * them, and turns schedule fires into runs.
 */
@ApplicationScoped
public class RitualLauncher {

    private static final Logger LOG = Logger.getLogger(RitualLauncher.class.getName());
    private static final Set<String> INTERRUPTED = Set.of("FAILED", "STOPPED", "ABANDONED");

    @Inject
    RitualRunLedger ledger;

    @Inject
    RunLauncher launcher;

    @Inject
    BatchJobs batch;

    @Inject
    Rituals rituals;

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) RitualRunQueued queued) {
        launch(queued.runId());
    }

    void onSchedule(@Observes ScheduleFired fired) {
        Rituals.ritualOf(fired.key()).ifPresent(name -> rituals.onSchedule(name, fired.at()));
    }

    /** Starts the run's batch job, unless someone else already has. */
    public void launch(long runId) {
        launcher.launch(Rituals.JOB, runId, ledger);
    }

    /** Restarts a run whose batch execution ended without it (its server stopped): it resumes at its checkpoint. */
    public void resume(RitualRun run) {
        String status = batch.status(run.getBatchExecutionId());
        if (INTERRUPTED.contains(status)) {
            LOG.info(() -> "Ritual run " + run.getId() + " lost its batch execution " + run.getBatchExecutionId()
                    + " (" + status + "); resuming it from its checkpoint");
            BatchJobs.Execution execution = launcher.restart(run.getBatchExecutionId(), run.getId());
            ledger.resumed(run.getId(), execution.instanceId(), execution.executionId());
        } else if (status.equals("COMPLETED") && run.getStatus() == RitualRunStatus.RUNNING) {
            ledger.failed(run.getId(), "its batch execution completed without finishing the run");
        }
    }
}
