/**
 * How schedules reach rituals: RitualSchedules gives the scheduling context each ritual's cron expression,
 * and RitualTriggers turns schedule fires into ritual runs.
 */
package dev.helix.rituals.inbound;
