package dev.helix.messaging;

import dev.helix.analytics.port.QueueDepth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Counts the work orders on the dispatch queue by browsing it, up to {@value DispatchQueueBrowser#MOST} of them. */
@ApplicationScoped
public class JmsQueueDepth implements QueueDepth {

    @Inject
    DispatchQueueBrowser browser;

    @Override
    public long dispatchDepth() {
        return browser.browse(message -> true);
    }
}
