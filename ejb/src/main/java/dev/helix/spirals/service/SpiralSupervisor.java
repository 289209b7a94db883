package dev.helix.spirals.service;

import dev.helix.shared.service.BatchJobs;
import dev.helix.shared.service.RunLauncher;
import dev.helix.spirals.model.RunStatus;
import dev.helix.spirals.model.SpiralRun;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Makes sure nothing accepted is lost: every 30 seconds it starts runs still queued (their server stopped between
 * commit and start) and restarts runs whose batch execution ended without them (the server died under them;
 * Liberty marks such executions FAILED when it starts again). A restarted run goes on at the step it was at.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SpiralSupervisor {

    private static final Logger LOG = Logger.getLogger(SpiralSupervisor.class.getName());
    private static final Duration QUEUED_GRACE = Duration.ofSeconds(20);
    private static final Set<String> ENDED = Set.of("FAILED", "STOPPED", "ABANDONED", "COMPLETED");

    @PersistenceContext
    EntityManager em;

    @Inject
    SpiralLauncher launcher;

    @Inject
    SpiralRunLedger ledger;

    @Inject
    BatchJobs batch;

    @Inject
    RunLauncher runLauncher;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    void sweep() {
        Instant before = Instant.now().minus(QUEUED_GRACE);
        em.createQuery("SELECT r.id FROM SpiralRun r WHERE r.status = :queued AND r.createdAt < :before", Long.class)
                .setParameter("queued", RunStatus.QUEUED).setParameter("before", before).getResultList()
                .forEach(launcher::launch);
        List<SpiralRun> active = em.createQuery("SELECT r FROM SpiralRun r WHERE r.status IN :active AND r.batchExecutionId IS NOT NULL", SpiralRun.class)
                .setParameter("active", Set.of(RunStatus.RUNNING, RunStatus.STOPPING)).getResultList();
        for (SpiralRun run : active) {
            if (ENDED.contains(batch.status(run.getBatchExecutionId()))) {
                resume(run);
            }
        }
    }

    private void resume(SpiralRun run) {
        if (run.getStatus() == RunStatus.STOPPING) {
            ledger.end(run.getId(), RunStatus.STOPPED, "stopped");
            return;
        }
        LOG.info(() -> "Spiral run " + run.getId() + " lost its batch execution " + run.getBatchExecutionId() + "; restarting it");
        ledger.end(run.getId(), RunStatus.FAILED, "interrupted: its server stopped");
        BatchJobs.Execution execution = runLauncher.restart(run.getBatchExecutionId(), run.getId());
        ledger.launched(run.getId(), execution.instanceId(), execution.executionId());
    }
}
