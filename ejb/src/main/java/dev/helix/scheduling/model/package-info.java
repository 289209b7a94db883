/**
 * Five-field cron expressions (CronSchedule), and the events of a schedule changing or firing.
 */
package dev.helix.scheduling.model;
