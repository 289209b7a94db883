package dev.helix.tasks.service;

import dev.helix.tasks.model.DispatchFailure;
import dev.helix.tasks.model.WorkOrder;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Records a failed attempt at a work order in its own transaction, so the reason outlives the rollback. */
@Stateless
public class DispatchFailureLog {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(WorkOrder order, int attempt, Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        em.persist(new DispatchFailure(order.taskId(), "seq-" + order.seq(), attempt, message, Instant.now()));
    }
}
