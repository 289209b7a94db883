package dev.helix.messaging;

import dev.helix.tasks.model.WorkOrder;
import dev.helix.tasks.service.WorkQueue;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Duration;

/**
 * Sends work orders to the persistent dispatch queue in the caller's JTA transaction, at the task's
 * priority, optionally delayed.
 */
@ApplicationScoped
public class JmsWorkQueue implements WorkQueue {

    @Inject
    @JMSConnectionFactory(Destinations.CONNECTION_FACTORY)
    JMSContext context;

    @Resource(lookup = Destinations.DISPATCH_QUEUE)
    Queue dispatchQueue;

    @Override
    public void submit(WorkOrder order, Duration delay) {
        context.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setPriority(order.priority().messagePriority())
                .setDeliveryDelay(delay.toMillis())
                .send(dispatchQueue, WorkOrderCodec.encode(order));
    }
}
