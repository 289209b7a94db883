package dev.helix.web.push;

import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Subscribes this server to the events topic and relays every fleet event to the connected browsers, and to the
 * models' outputs kept for task pages ({@link LiveOutputs}). Events are non-persistent notifications, so a delivery
 * runs without a transaction: there is nothing to commit.
 */
@MessageDriven(name = "FleetEventRelay")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FleetEventRelay implements MessageListener {

    @Inject
    FleetBroadcaster broadcaster;

    @Inject
    LiveOutputs outputs;

    @Override
    public void onMessage(Message message) {
        try {
            if (message instanceof TextMessage text) {
                String event = text.getText();
                outputs.heard(event);
                broadcaster.broadcast(event, LiveOutputs.isOutput(event));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable fleet event", e);
        }
    }
}
