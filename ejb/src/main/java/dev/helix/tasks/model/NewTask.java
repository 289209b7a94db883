package dev.helix.tasks.model;

/**
 * What a requester asks for when creating a task.
 *
 * @param projectId the project whose repository the task works in, or {@code null}
 */
public record NewTask(String title, String prompt, Priority priority, boolean justDoIt, Long projectId) {
}
