/**
 * Schedules, which keeps cron schedules as persistent EJB calendar timers, one per spiral or ritual, so they
 * survive restarts and each fire runs on one server only.
 */
package dev.helix.scheduling.service;
