package dev.helix.tasks.model;

/**
 * What the models cost one user's tasks: tokens, model calls, and the tasks they were for.
 *
 * @param user the user who created the tasks
 */
public record TokenUsage(String user, long tokens, long calls, long tasks) {
}
