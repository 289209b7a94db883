package dev.helix.messaging;

import dev.helix.tasks.model.WorkOrder;
import dev.helix.tasks.service.AgentRunner;
import dev.helix.tasks.service.DispatchFailureLog;
import jakarta.annotation.Resource;
import jakarta.ejb.MessageDrivenContext;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The message-driven agent worker: takes a work order from the dispatch queue and lets
 * {@link AgentRunner} advance the task, in one short transaction with the message (a step that needs the agent's
 * model is only claimed in it; the model is asked after the commit, outside any transaction). A failure is recorded
 * and rolls the transaction back, so the order is redelivered; after the queue's redelivery limit it
 * moves to the dead-letter queue.
 */
@MessageDriven(name = "DispatchWorker")
public class DispatchWorker implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DispatchWorker.class.getName());

    @Inject
    AgentRunner runner;

    @Inject
    DispatchFailureLog failures;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        WorkOrder order = null;
        try {
            order = WorkOrderCodec.decode(((TextMessage) message).getText());
            runner.advance(order);
        } catch (RuntimeException | JMSException e) {
            int attempt = deliveryCount(message);
            LOG.log(Level.WARNING, "Work order " + order + " failed (delivery " + attempt + "): " + e.getMessage());
            if (order != null) {
                failures.record(order, attempt, e);
            }
            context.setRollbackOnly();
        }
    }

    static int deliveryCount(Message message) {
        try {
            return message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
        } catch (JMSException e) {
            return 1;
        }
    }
}
