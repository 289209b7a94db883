package dev.helix.tasks.service;

import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.model.WorkOrder;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure no task waits forever for a work order that went missing. Every 30 seconds it looks for tasks an
 * agent should be advancing whose order has been due for longer than {@code helix.dispatch.stall-after} and is
 * not on the dispatch queue, and has {@link AgentRunner#resend} send a fresh one. An order goes missing when
 * someone deletes it from the queue (Liberty's Admin Center can), or when a server dies inside a two-phase commit
 * and the database and the messaging engine do not end up agreeing on its outcome. The limit stays above the
 * transaction timeout, so a step still being worked on is not mistaken for a lost one; were it, the step's commit
 * would fail on the task's version and the fresh order would do the step instead.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DispatchWatchdog {

    private static final Logger LOG = Logger.getLogger(DispatchWatchdog.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    WorkQueue workQueue;

    @Inject
    AgentRunner runner;

    @Inject
    @ConfigProperty(name = "helix.dispatch.stall-after", defaultValue = "PT3M")
    Duration stallAfter;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    void sweep() {
        List<WorkOrder> overdue = em.createQuery("SELECT NEW dev.helix.tasks.model.WorkOrder(t.id, t.dispatchSeq, t.priority) "
                        + "FROM Task t WHERE t.status IN :awaiting AND t.dispatchDueAt < :cutoff ORDER BY t.id", WorkOrder.class)
                .setParameter("awaiting", Arrays.stream(TaskStatus.values()).filter(TaskStatus::awaitsWorkOrder).toList())
                .setParameter("cutoff", Instant.now().minus(stallAfter)).getResultList();
        if (overdue.isEmpty()) {
            return;
        }
        Set<WorkOrder> waiting = workQueue.waiting();
        for (WorkOrder order : overdue) {
            if (!waiting.contains(order)) {
                try {
                    runner.resend(order);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Resending the work order of task " + order.taskId() + " failed; trying again at the next sweep", e);
                }
            }
        }
    }
}
