package dev.helix.projects.model;

/**
 * One file a task's branch changed: its path (the new one for a rename), how ({@code ADD}, {@code MODIFY},
 * {@code DELETE}, {@code RENAME}, {@code COPY}), and the lines added and deleted.
 */
public record ChangedFile(String path, String status, int additions, int deletions) {
}
