package dev.helix.messaging;

import dev.helix.analytics.service.QueueDepth;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.transaction.Transactional;
import java.util.Enumeration;

/**
 * Counts the work orders on the dispatch queue by browsing it (up to {@value #MOST} of them), outside any
 * transaction, so that measuring the queue never joins the collector's commit.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JmsQueueDepth implements QueueDepth {

    static final int MOST = 100_000;

    @Inject
    @JMSConnectionFactory(Destinations.CONNECTION_FACTORY)
    JMSContext context;

    @Resource(lookup = Destinations.DISPATCH_QUEUE)
    Queue dispatchQueue;

    @Override
    public long dispatchDepth() {
        try (QueueBrowser browser = context.createBrowser(dispatchQueue)) {
            Enumeration<?> messages = browser.getEnumeration();
            long depth = 0;
            while (depth < MOST && messages.hasMoreElements()) {
                messages.nextElement();
                depth++;
            }
            return depth;
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not browse the dispatch queue: " + e.getMessage(), e.getErrorCode(), e);
        }
    }
}
