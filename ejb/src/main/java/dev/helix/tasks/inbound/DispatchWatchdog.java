package dev.helix.tasks.inbound;

import dev.helix.tasks.port.WorkQueue;
import dev.helix.tasks.service.AgentRunner;
import dev.helix.shared.model.PositiveDuration;
import dev.helix.tasks.internal.OrdersInHand;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.model.WorkOrder;
import jakarta.annotation.PostConstruct;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure no task waits forever for a work order that went missing. Every 30 seconds it takes the tasks an
 * agent should be advancing whose order has been due for longer than {@code helix.dispatch.stall-after}; an order
 * that no worker of this server holds ({@link OrdersInHand}) and that is not on the dispatch queue is missing. One
 * found missing at two sweeps in a row is replaced: {@link AgentRunner#resend} sends a fresh order. Two sightings,
 * so that an order caught between two deliveries (a retry after a failure) is not taken for lost. An order goes
 * missing when someone deletes it from the queue (Liberty's Admin Center can), or when a server dies inside a
 * two-phase commit and the database and the messaging engine do not settle it alike.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DispatchWatchdog {

    private static final Logger LOG = Logger.getLogger(DispatchWatchdog.class.getName());
    private static final Duration DEFAULT_STALL_AFTER = Duration.ofMinutes(3);
    private static final List<TaskStatus> AWAITING = Arrays.stream(TaskStatus.values()).filter(TaskStatus::awaitsWorkOrder).toList();

    @PersistenceContext
    EntityManager em;

    @Inject
    WorkQueue workQueue;

    @Inject
    OrdersInHand inHand;

    @Inject
    AgentRunner runner;

    @Inject
    @ConfigProperty(name = "helix.dispatch.stall-after", defaultValue = "PT3M")
    Duration stallAfter;

    /** The orders found missing at the last sweep. */
    private Set<WorkOrder> missingBefore = Set.of();

    @PostConstruct
    void checkSettings() {
        stallAfter = PositiveDuration.checked("helix.dispatch.stall-after", stallAfter, DEFAULT_STALL_AFTER);
    }

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    void sweep() {
        try {
            Set<WorkOrder> missing = overdue();
            missing.removeIf(inHand::holds);
            if (!missing.isEmpty()) {
                missing.removeAll(workQueue.waitingAmong(Set.copyOf(missing)));
            }
            for (WorkOrder order : missing) {
                if (missingBefore.contains(order)) {
                    resend(order);
                }
            }
            missingBefore = missing;
        } catch (RuntimeException e) {
            LOG.warning(() -> "Looking for missing work orders failed; trying again in 30 s: " + e);
        }
    }

    private Set<WorkOrder> overdue() {
        return new LinkedHashSet<>(em.createQuery("SELECT NEW dev.helix.tasks.model.WorkOrder(t.id, t.dispatchSeq, t.priority) "
                        + "FROM Task t WHERE t.status IN :awaiting AND t.dispatchDueAt < :cutoff ORDER BY t.id", WorkOrder.class)
                .setParameter("awaiting", AWAITING)
                .setParameter("cutoff", Instant.now().minus(stallAfter)).getResultList());
    }

    private void resend(WorkOrder order) {
        try {
            runner.resend(order);
        } catch (RuntimeException e) {
            // Most likely the task moved on meanwhile (a worker or another server committed first): nothing is lost.
            LOG.info(() -> "Resending the work order of task " + order.taskId() + " did not commit: " + e);
        }
    }
}
