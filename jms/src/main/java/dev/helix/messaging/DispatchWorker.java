package dev.helix.messaging;

import dev.helix.platform.service.DatabaseWait;
import dev.helix.shared.error.ConnectionLoss;
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
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * The message-driven agent worker: takes a work order from the dispatch queue and lets
 * {@link AgentRunner} advance the task, in one short transaction with the message (a step that needs the agent's
 * model is only claimed in it; the model is asked after the commit, outside any transaction). A failure is recorded
 * and rolls the transaction back, so the order is redelivered; after the queue's redelivery limit it
 * moves to the dead-letter queue. A failure because the database is out of reach is no fault of the order: the worker
 * waits until the database answers again (a minute at most, well inside the transaction's timeout) before the order
 * goes back, so an outage of some minutes does not use up its deliveries and fail its task.
 */
@MessageDriven(name = "DispatchWorker")
public class DispatchWorker implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DispatchWorker.class.getName());
    private static final Duration DATABASE_WAIT = Duration.ofMinutes(1);

    @Inject
    AgentRunner runner;

    @Inject
    DispatchFailureLog failures;

    @Inject
    DatabaseWait database;

    @Resource
    MessageDrivenContext context;

    /** Per server: which servers of a cluster take the work, and how much. */
    @Inject
    @Metric(name = "helix.dispatch.orders", absolute = true,
            description = "Work orders this server took from the dispatch queue and advanced")
    Counter advanced;

    @Override
    public void onMessage(Message message) {
        WorkOrder order = null;
        try {
            order = WorkOrderCodec.decode(((TextMessage) message).getText());
            runner.advance(order);
            advanced.inc();
        } catch (RuntimeException | JMSException e) {
            int attempt = deliveryCount(message);
            if (ConnectionLoss.among(e)) {
                LOG.warning("Work order " + order + " waits for the database (delivery " + attempt + "): " + e.getMessage());
                if (!database.awaitAnswer(DATABASE_WAIT)) {
                    LOG.warning("The database did not answer within " + DATABASE_WAIT + "; work order " + order + " goes back");
                }
                context.setRollbackOnly();
                return;
            }
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
