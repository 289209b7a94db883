/**
 * CollectorSchedule, the timer through which the container runs the metrics collector at a fixed interval
 * from start-up.
 */
package dev.helix.analytics.inbound;
