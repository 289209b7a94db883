package dev.helix.projects.model;

import java.nio.file.Path;

/** A project Helix held a repository for was removed: the repository goes once the removal has committed. */
public record RepositoryReleased(Path repository) {
}
