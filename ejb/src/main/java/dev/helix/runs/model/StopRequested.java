package dev.helix.runs.model;

/**
 * A run was asked to stop (CDI event): once the transaction that marked it stopping commits, its batch execution is
 * asked to stop too, so the executor that sees the request finds the run's new status committed.
 *
 * @param executionId the run's batch execution
 */
public record StopRequested(long executionId) {
}
