/**
 * The Jakarta Messaging side of Helix: the agent worker and dead-letter worker of the dispatch queue, the
 * tasks context's work queue and analytics' queue depth, and publishing fleet events to the events topic.
 */
package dev.helix.messaging;
