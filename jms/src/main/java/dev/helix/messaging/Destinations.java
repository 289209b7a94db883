package dev.helix.messaging;

/**
 * JNDI names of Helix's messaging resources. Only these names appear in code; server.xml binds them to
 * Liberty's embedded messaging engine or to ActiveMQ Artemis.
 */
public final class Destinations {

    /** Connection factory. */
    public static final String CONNECTION_FACTORY = "jms/helix/cf";
    /** Persistent queue of work orders for the agent workers. */
    public static final String DISPATCH_QUEUE = "jms/helix/dispatch";
    /** Where work orders go after failing every delivery attempt. */
    public static final String DEAD_LETTER_QUEUE = "jms/helix/dlq";
    /** Topic of domain events, seen by every server. */
    public static final String EVENTS_TOPIC = "jms/helix/events";

    private Destinations() {
    }
}
