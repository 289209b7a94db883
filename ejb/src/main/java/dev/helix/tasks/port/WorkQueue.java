package dev.helix.tasks.port;

import dev.helix.tasks.model.WorkOrder;
import java.time.Duration;
import java.util.Set;

/**
 * Where work orders go to reach the agent workers. The messaging module implements it over a persistent
 * Jakarta Messaging queue, in the caller's transaction, so an order is sent if and only if the
 * change that caused it commits.
 */
public interface WorkQueue {

    /** Sends the order, to be delivered no sooner than {@code delay} from now. */
    void submit(WorkOrder order, Duration delay);

    /**
     * Which of the sought orders wait on the queue now, read outside any transaction. An order a worker holds at this
     * moment, or one whose delay has not passed, does not count as waiting.
     */
    Set<WorkOrder> waitingAmong(Set<WorkOrder> sought);
}
