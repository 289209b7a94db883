package dev.helix.tasks.internal;

import dev.helix.tasks.model.WorkOrder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The work orders this server's agent workers are acting on at this moment. The dispatch queue does not show an
 * order a worker holds, so the dispatch watchdog asks here before it takes such an order for lost.
 */
@ApplicationScoped
public class OrdersInHand {

    private final Set<WorkOrder> held = ConcurrentHashMap.newKeySet();

    public void take(WorkOrder order) {
        held.add(order);
    }

    public void release(WorkOrder order) {
        held.remove(order);
    }

    public boolean holds(WorkOrder order) {
        return held.contains(order);
    }
}
