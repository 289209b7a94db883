package dev.helix.runs.inbound;

import dev.helix.runs.internal.RunLedger;
import dev.helix.runs.port.BatchJobs;
import dev.helix.runs.service.RunLauncher;
import dev.helix.runs.model.BatchRun;
import dev.helix.runs.model.RunStatus;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.metamodel.EntityType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes sure no accepted run is lost, for every kind of {@link BatchRun}. Every 30 seconds it
 * <ul>
 * <li>starts runs still queued (their server stopped between commit and start);</li>
 * <li>queues again runs claimed for starting that did not start by the next sweep (the server died in between);</li>
 * <li>deals with runs whose batch execution ended without them: a FAILED or ABANDONED execution (Liberty marks the
 * executions of a server that died FAILED when it starts again) is restarted, and the run resumes where it was; a
 * run being stopped, or stopped in Liberty's batch tool, is STOPPED; an execution that completed without finishing
 * the run fails it.</li>
 * </ul>
 * One run's trouble is logged and does not hold up the others.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunSupervisor {

    private static final Logger LOG = Logger.getLogger(RunSupervisor.class.getName());
    private static final Duration QUEUED_GRACE = Duration.ofSeconds(20);
    private static final Set<String> UNDER_WAY = Set.of("STARTING", "STARTED", "STOPPING");
    private static final Set<String> LOST = Set.of("FAILED", "ABANDONED");

    @PersistenceContext
    EntityManager em;

    @Inject
    RunLauncher launcher;

    @Inject
    RunLedger ledger;

    @Inject
    BatchJobs batch;

    /** Runs seen STARTING at the last sweep, by kind and id, with the version they had. */
    private Map<String, Long> startingBefore = new HashMap<>();

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    void sweep() {
        Map<String, Long> starting = new HashMap<>();
        for (EntityType<?> entity : em.getMetamodel().getEntities()) {
            if (BatchRun.class.isAssignableFrom(entity.getJavaType())) {
                sweep(entity.getJavaType().asSubclass(BatchRun.class), entity.getName(), starting);
            }
        }
        startingBefore = starting;
    }

    private void sweep(Class<? extends BatchRun> kind, String entity, Map<String, Long> starting) {
        em.createQuery("SELECT r.id FROM " + entity + " r WHERE r.status = :queued AND r.createdAt < :before", Long.class)
                .setParameter("queued", RunStatus.QUEUED).setParameter("before", Instant.now().minus(QUEUED_GRACE))
                .getResultList().forEach(id -> guarded(id, () -> launcher.launch(kind, id)));
        List<? extends BatchRun> active = em.createQuery("SELECT r FROM " + entity + " r WHERE r.status IN :active", kind)
                .setParameter("active", Set.of(RunStatus.STARTING, RunStatus.RUNNING, RunStatus.STOPPING)).getResultList();
        for (BatchRun run : active) {
            guarded(run.getId(), () -> check(kind, run, starting));
        }
    }

    private void check(Class<? extends BatchRun> kind, BatchRun run, Map<String, Long> starting) {
        String batchStatus = run.getBatchExecutionId() == null ? null : batch.status(run.getBatchExecutionId());
        if (batchStatus != null && UNDER_WAY.contains(batchStatus)) {
            return;
        }
        if (run.getStatus() == RunStatus.STARTING) {
            String key = kind.getSimpleName() + ":" + run.getId();
            starting.put(key, run.getVersion());
            if (Long.valueOf(run.getVersion()).equals(startingBefore.get(key)) && ledger.requeue(kind, run.getId(), run.getVersion())) {
                LOG.info(() -> "Run " + key + " did not start; queued again");
                launcher.launch(kind, run.getId());
            }
        } else if (run.getStatus() == RunStatus.STOPPING || "STOPPED".equals(batchStatus)) {
            ledger.end(kind, run.getId(), RunStatus.STOPPED, "stopped");
        } else if (batchStatus == null || LOST.contains(batchStatus)) {
            LOG.info(() -> "Run " + kind.getSimpleName() + ":" + run.getId() + " lost its batch execution "
                    + run.getBatchExecutionId() + " (" + batchStatus + "); restarting it");
            if (ledger.requeue(kind, run.getId(), run.getVersion())) {
                launcher.launch(kind, run.getId());
            }
        } else {
            ledger.end(kind, run.getId(), RunStatus.FAILED, "its batch execution " + batchStatus.toLowerCase() + " without finishing the run");
        }
    }

    private static void guarded(long runId, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Supervising run " + runId + " failed; trying again at the next sweep", e);
        }
    }
}
