/**
 * What the analytics context needs from elsewhere: QueueDepth, the number of work orders waiting on the
 * dispatch queue, implemented by the jms module.
 */
package dev.helix.analytics.port;
