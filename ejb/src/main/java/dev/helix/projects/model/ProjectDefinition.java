package dev.helix.projects.model;

/**
 * What a user says about a new project: its name, exactly one of a repository's path, a URL to clone or
 * {@code create}, and optionally the default branch and the command that runs its tests.
 */
public record ProjectDefinition(String name, String path, String url, boolean create, String defaultBranch,
                                String testCommand) {

    public ProjectOrigin origin() {
        return path != null ? ProjectOrigin.PATH : url != null ? ProjectOrigin.CLONE : ProjectOrigin.HOSTED;
    }
}
