package dev.helix.web.api.tasks;

/** What one commit of the {@code helix-specs} branch changed in a task's documents, as a unified diff. */
public record DocumentChangesView(String commit, String diff) {
}
