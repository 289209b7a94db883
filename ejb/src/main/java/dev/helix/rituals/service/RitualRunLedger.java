package dev.helix.rituals.service;

import dev.helix.rituals.model.RitualRun;
import dev.helix.rituals.model.RitualRunStatus;
import dev.helix.shared.model.NotFoundException;
import dev.helix.shared.service.RunLauncher;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Records a ritual run's launch and failure, each in a transaction of its own (a failed step rolls back its own). */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RitualRunLedger implements RunLauncher.Ledger {

    @PersistenceContext
    EntityManager em;

    @Override
    public boolean claim(long runId) {
        return em.createQuery("UPDATE RitualRun r SET r.status = :starting, r.version = r.version + 1 WHERE r.id = :id AND r.status = :queued")
                .setParameter("starting", RitualRunStatus.STARTING).setParameter("queued", RitualRunStatus.QUEUED)
                .setParameter("id", runId).executeUpdate() == 1;
    }

    @Override
    public void launched(long runId, long instanceId, long executionId) {
        run(runId).launched(instanceId, executionId);
    }

    public void resumed(long runId, long instanceId, long executionId) {
        run(runId).resumed(instanceId, executionId);
    }

    @Override
    public void launchFailed(long runId) {
        RitualRun run = run(runId);
        if (run.getStatus() == RitualRunStatus.STARTING) {
            run.changeStatus(RitualRunStatus.QUEUED);
        }
    }

    public void failed(long runId, String reason) {
        run(runId).end(RitualRunStatus.FAILED, reason, Instant.now());
    }

    private RitualRun run(long runId) {
        RitualRun run = em.find(RitualRun.class, runId);
        if (run == null) {
            throw new NotFoundException("Ritual run", runId);
        }
        return run;
    }
}
