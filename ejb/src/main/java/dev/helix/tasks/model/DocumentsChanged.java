package dev.helix.tasks.model;

/** A task in a project has a new document revision to publish to the project's specs branch (after commit). */
public record DocumentsChanged(long projectId) {
}
