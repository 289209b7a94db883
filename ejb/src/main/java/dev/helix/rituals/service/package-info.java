/**
 * The ritual use cases: schedules, runs, history and analytics (Rituals), the registered stages, and
 * RitualExecutor, which runs a ritual run step by step inside its batch job.
 */
package dev.helix.rituals.service;
