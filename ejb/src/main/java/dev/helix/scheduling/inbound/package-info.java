/**
 * ScheduleStartup, which at start-up makes every schedule's persistent timer match what its owner says.
 */
package dev.helix.scheduling.inbound;
