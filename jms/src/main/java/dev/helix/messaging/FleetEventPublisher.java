package dev.helix.messaging;

import dev.helix.shared.model.FleetEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;

/**
 * Publishes every {@link FleetEvent} to the events topic in the transaction that caused it, so
 * subscribers on every server see it when, and only when, the change commits.
 */
@ApplicationScoped
public class FleetEventPublisher {

    @Inject
    @JMSConnectionFactory(Destinations.CONNECTION_FACTORY)
    JMSContext context;

    @Resource(lookup = Destinations.EVENTS_TOPIC)
    Topic eventsTopic;

    void publish(@Observes FleetEvent event) {
        context.createProducer()
                .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .send(eventsTopic, FleetEventCodec.encode(event));
    }
}
