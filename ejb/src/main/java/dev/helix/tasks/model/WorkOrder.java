package dev.helix.tasks.model;

/**
 * The message that asks an agent worker to advance a task by one step. Only the order whose
 * {@code seq} equals the task's current dispatch sequence is acted on; any other is a stale duplicate.
 */
public record WorkOrder(long taskId, long seq, Priority priority) {
}
