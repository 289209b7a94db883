/**
 * ScheduleAnnouncer, which announces a schedule's fire in a transaction of its own that commits before the
 * timer's call returns.
 */
package dev.helix.scheduling.internal;
