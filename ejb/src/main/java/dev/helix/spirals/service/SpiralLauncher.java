package dev.helix.spirals.service;

import dev.helix.shared.service.RunLauncher;
import dev.helix.spirals.model.SpiralRunQueued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Starts the batch job of a queued spiral run once the run's transaction has committed (so the job finds it). */
@ApplicationScoped
public class SpiralLauncher {

    @Inject
    SpiralRunLedger ledger;

    @Inject
    RunLauncher launcher;

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) SpiralRunQueued queued) {
        launch(queued.runId());
    }

    /** Starts the run's batch job, unless someone else already has. */
    public void launch(long runId) {
        launcher.launch(SpiralRuns.JOB, runId, ledger);
    }
}
