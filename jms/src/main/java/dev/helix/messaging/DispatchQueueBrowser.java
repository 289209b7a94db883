package dev.helix.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.transaction.Transactional;
import java.util.Enumeration;
import java.util.function.Predicate;

/**
 * Looks at the messages waiting on the dispatch queue without taking them, outside any transaction, so that
 * looking never joins a caller's commit; each look on a context of its own (an injected context kept by an
 * application-scoped bean outlives its session on Artemis's resource adapter). A message a worker holds at this
 * moment, or one whose delivery delay has not passed, is not among them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class DispatchQueueBrowser {

    /** The most messages one look goes through. */
    public static final long MOST = 100_000;

    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = Destinations.DISPATCH_QUEUE)
    Queue dispatchQueue;

    /**
     * Hands the waiting messages, in queue order and up to {@value #MOST} of them, to {@code each} until it answers
     * false; returns how many it handed.
     */
    public long browse(Predicate<Message> each) {
        try (JMSContext context = connectionFactory.createContext();
             QueueBrowser browser = context.createBrowser(dispatchQueue)) {
            Enumeration<?> messages = browser.getEnumeration();
            long seen = 0;
            boolean more = true;
            while (more && seen < MOST && messages.hasMoreElements()) {
                more = each.test((Message) messages.nextElement());
                seen++;
            }
            return seen;
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not browse the dispatch queue: " + e.getMessage(), e.getErrorCode(), e);
        }
    }
}
