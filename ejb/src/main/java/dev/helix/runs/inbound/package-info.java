/**
 * RunSupervisor, the timer that every 30 seconds starts, queues again or restarts the spiral and ritual runs
 * whose batch job a stopped or failed server left behind, so no accepted run is lost.
 */
package dev.helix.runs.inbound;
