/**
 * ScheduleOwner, the interface of a context whose things fire on cron schedules; the spirals and rituals
 * contexts implement it.
 */
package dev.helix.scheduling.port;
