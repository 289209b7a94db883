package dev.helix.messaging;

import dev.helix.shared.model.FleetEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;

/**
 * Publishes every {@link FleetEvent} to the events topic once the transaction that caused it has committed, so
 * subscribers on every server hear of a change only when, and as soon as, it is visible in the database. (Sent
 * inside the transaction, the message could arrive before the database branch of the two-phase commit had
 * finished, and a subscriber acting on it would read the old state.) Events are notifications: an event lost
 * to a crash right after a commit costs a page one refresh, nothing more.
 */
@ApplicationScoped
public class FleetEventPublisher {

    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = Destinations.EVENTS_TOPIC)
    Topic eventsTopic;

    void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) FleetEvent event) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer()
                    .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .send(eventsTopic, FleetEventCodec.encode(event));
        }
    }
}
