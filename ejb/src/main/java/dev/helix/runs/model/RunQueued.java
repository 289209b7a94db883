package dev.helix.runs.model;

/**
 * A run was queued (CDI event): once its transaction commits, its batch job is started, or restarted when it
 * has run before.
 *
 * @param kind  what kind of run
 * @param runId the run
 */
public record RunQueued(Class<? extends BatchRun> kind, long runId) {
}
