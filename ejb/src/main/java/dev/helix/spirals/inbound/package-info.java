/**
 * How events and schedules reach spirals: SpiralTriggers turns domain events and schedule fires into spiral
 * runs, and SpiralSchedules gives the scheduling context each CRON spiral's schedule.
 */
package dev.helix.spirals.inbound;
