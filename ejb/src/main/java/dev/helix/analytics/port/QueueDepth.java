package dev.helix.analytics.port;

/**
 * How many work orders wait on the dispatch queue. The messaging module implements it by browsing the queue,
 * so analytics knows only the number.
 */
public interface QueueDepth {

    /** The work orders deliverable now (delayed ones not yet due are not counted). */
    long dispatchDepth();
}
