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
 * Subscribes this server to the events topic and relays every fleet event to the connected browsers. Events are
 * non-persistent notifications, so a delivery runs without a transaction: there is nothing to commit.
 */
@MessageDriven(name = "FleetEventRelay")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FleetEventRelay implements MessageListener {

    @Inject
    FleetBroadcaster broadcaster;

    @Override
    public void onMessage(Message message) {
        try {
            if (message instanceof TextMessage text) {
                broadcaster.broadcast(text.getText());
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable fleet event", e);
        }
    }
}
