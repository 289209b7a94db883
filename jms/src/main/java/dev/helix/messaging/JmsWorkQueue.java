package dev.helix.messaging;

import dev.helix.tasks.model.WorkOrder;
import dev.helix.tasks.port.WorkQueue;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Sends work orders to the persistent dispatch queue in the caller's JTA transaction, at the task's
 * priority, optionally delayed; tells whether orders wait there by browsing it.
 */
@ApplicationScoped
public class JmsWorkQueue implements WorkQueue {

    private static final Logger LOG = Logger.getLogger(JmsWorkQueue.class.getName());

    @Inject
    @JMSConnectionFactory(Destinations.CONNECTION_FACTORY)
    JMSContext context;

    @Resource(lookup = Destinations.DISPATCH_QUEUE)
    Queue dispatchQueue;

    @Inject
    DispatchQueueBrowser browser;

    @Override
    public void submit(WorkOrder order, Duration delay) {
        context.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setPriority(order.priority().messagePriority())
                .setDeliveryDelay(delay.toMillis())
                .send(dispatchQueue, WorkOrderCodec.encode(order));
    }

    @Override
    public Set<WorkOrder> waitingAmong(Set<WorkOrder> sought) {
        Set<WorkOrder> found = new HashSet<>();
        browser.browse(message -> {
            try {
                WorkOrder order = WorkOrderCodec.decode(((TextMessage) message).getText());
                if (sought.contains(order)) {
                    found.add(order);
                }
            } catch (JMSException | ClassCastException | MalformedMessageException e) {
                LOG.fine(() -> "Skipped a message on the dispatch queue that is not a work order: " + e.getMessage());
            }
            return found.size() < sought.size();
        });
        return found;
    }
}
