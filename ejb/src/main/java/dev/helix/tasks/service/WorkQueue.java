package dev.helix.tasks.service;

import dev.helix.tasks.model.WorkOrder;
import java.time.Duration;

/**
 * Where work orders go to reach the agent workers. The messaging module implements it over a persistent
 * Jakarta Messaging queue, in the caller's transaction, so an order is sent if and only if the
 * change that caused it commits.
 */
public interface WorkQueue {

    /** Sends the order, to be delivered no sooner than {@code delay} from now. */
    void submit(WorkOrder order, Duration delay);
}
