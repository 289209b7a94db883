package dev.helix.runs.internal;

import dev.helix.runs.model.BatchRun;
import dev.helix.shared.error.NotFoundException;
import dev.helix.runs.model.RunEnded;
import dev.helix.runs.model.RunStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * Records what happens to a run's batch job (any kind of {@link BatchRun}), each record in a transaction of its
 * own, so it stands whatever happens to the caller's work.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunLedger {

    @Inject
    Event<RunEnded> ended;

    @PersistenceContext
    EntityManager em;

    /** A claimed run: its job, and the execution to restart ({@code null}: start the job afresh). */
    public record Claimed(String job, Long lastExecution) {
    }

    /** Claims a queued run for starting; empty when someone else (another server, a sweep) claimed it first. */
    public Optional<Claimed> claim(Class<? extends BatchRun> kind, long runId) {
        int claimed = em.createQuery("UPDATE " + em.getMetamodel().entity(kind).getName()
                        + " r SET r.status = :starting, r.version = r.version + 1 WHERE r.id = :id AND r.status = :queued")
                .setParameter("starting", RunStatus.STARTING).setParameter("queued", RunStatus.QUEUED).setParameter("id", runId)
                .executeUpdate();
        if (claimed == 0) {
            return Optional.empty();
        }
        BatchRun run = run(kind, runId);
        return Optional.of(new Claimed(run.job(), run.getBatchExecutionId()));
    }

    public void launched(Class<? extends BatchRun> kind, long runId, long instanceId, long executionId) {
        run(kind, runId).launched(instanceId, executionId);
    }

    /** Starting failed: a first start is queued again for the next sweep; a restart that was refused ends the run. */
    public void launchFailed(Class<? extends BatchRun> kind, long runId, boolean restart, String reason) {
        BatchRun run = run(kind, runId);
        if (run.getStatus() != RunStatus.STARTING) {
            return;
        }
        if (restart) {
            ended.fire(run.end(RunStatus.FAILED, "could not restart its batch job: " + reason, Instant.now()));
        } else {
            run.changeStatus(RunStatus.QUEUED);
        }
    }

    /** Queues the run again to restart its job, unless it changed since it was read at {@code version}. */
    public boolean requeue(Class<? extends BatchRun> kind, long runId, long version) {
        BatchRun run = run(kind, runId);
        if (run.getVersion() != version) {
            return false;
        }
        run.requeue();
        return true;
    }

    public void end(Class<? extends BatchRun> kind, long runId, RunStatus status, String note) {
        ended.fire(run(kind, runId).end(status, note, Instant.now()));
    }

    private BatchRun run(Class<? extends BatchRun> kind, long runId) {
        BatchRun run = em.find(kind, runId);
        if (run == null) {
            throw new NotFoundException("Run", runId);
        }
        return run;
    }
}
