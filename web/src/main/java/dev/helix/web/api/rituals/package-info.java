/**
 * REST resources for rituals: schedules, runs (for real or dry), progress, history and analytics.
 */
package dev.helix.web.api.rituals;
