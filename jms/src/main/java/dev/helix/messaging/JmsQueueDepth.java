package dev.helix.messaging;

import dev.helix.analytics.service.QueueDepth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Counts the work orders on the dispatch queue by browsing it, up to {@value #MOST} of them. */
@ApplicationScoped
public class JmsQueueDepth implements QueueDepth {

    static final int MOST = 100_000;

    @Inject
    DispatchQueueBrowser browser;

    @Override
    public long dispatchDepth() {
        return browser.browse(MOST, message -> { });
    }
}
