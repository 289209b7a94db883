package dev.helix.projects.model;

import dev.helix.shared.error.DomainException;

/**
 * A project's repository could not be read or written (moved, removed or damaged on disk, a full disk, out of file
 * handles): what was asked cannot be done now. The message names the project, never the server's paths; the log has
 * the cause.
 */
public class RepositoryUnavailableException extends DomainException {

    public RepositoryUnavailableException(String project, Throwable cause) {
        super("Project '" + project + "'s repository could not be used; an administrator finds the cause in the server's "
                + "log (the repository may have been moved or removed, its files damaged, or its disk full)");
        initCause(cause);
    }

    @Override
    public String problemType() {
        return "repository-unavailable";
    }

    @Override
    public String title() {
        return "The repository could not be used";
    }

    @Override
    public int status() {
        return 503;
    }
}
