package dev.helix.tasks.service;

import dev.helix.tasks.model.WorkOrder;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;

/**
 * Keeps the work orders of steps in progress due until their new lease ends, in one short transaction, so the
 * dispatch watchdog of any server takes such an order for lost only when no server has renewed it for a whole lease
 * (the server doing the step died). The update leaves the task's version alone: it is no change a user could meet.
 */
@Stateless
public class StepLeases {

    @PersistenceContext
    EntityManager em;

    public void renew(Collection<WorkOrder> orders, Instant until) {
        for (WorkOrder order : orders) {
            em.createQuery("UPDATE Task t SET t.dispatchDueAt = :until WHERE t.id = :id AND t.dispatchSeq = :seq "
                            + "AND t.dispatchDueAt IS NOT NULL")
                    .setParameter("until", until).setParameter("id", order.taskId()).setParameter("seq", order.seq())
                    .executeUpdate();
        }
    }
}
