package dev.helix.messaging;

import dev.helix.tasks.model.WorkOrder;
import dev.helix.tasks.service.AgentRunner;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes work orders that failed every delivery off the dead-letter queue and fails their task with the
 * last recorded reason. A message that is not a work order is logged and dropped.
 */
@MessageDriven(name = "DeadLetterWorker")
public class DeadLetterWorker implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DeadLetterWorker.class.getName());

    @Inject
    AgentRunner runner;

    @Inject
    @ConfigProperty(name = "helix.dispatch.max-deliveries", defaultValue = "5")
    int maxDeliveries;

    @Override
    public void onMessage(Message message) {
        String body;
        try {
            body = message instanceof TextMessage text ? text.getText() : String.valueOf(message);
        } catch (JMSException e) {
            body = "unreadable body: " + e.getMessage();
        }
        try {
            WorkOrder order = WorkOrderCodec.decode(body);
            LOG.warning(() -> "Work order " + order + " reached the dead-letter queue; failing its task");
            runner.giveUp(order, maxDeliveries);
        } catch (MalformedMessageException e) {
            LOG.severe("Dropped a dead letter that is not a work order: " + e.getMessage());
        }
    }
}
