package dev.helix.projects.model;

import dev.helix.shared.error.DomainException;

/**
 * A project's repository could not be read (moved, removed or damaged on disk, or out of file handles): what was
 * asked cannot be answered now. The message names the project, never the server's paths; the log has the cause.
 */
public class RepositoryUnreadableException extends DomainException {

    public RepositoryUnreadableException(String project, Throwable cause) {
        super("Project '" + project + "''s repository could not be read; an administrator finds the cause in the server's "
                + "log (the repository may have been moved or removed, or its files damaged)");
        initCause(cause);
    }

    @Override
    public String problemType() {
        return "repository-unreadable";
    }

    @Override
    public String title() {
        return "The repository could not be read";
    }

    @Override
    public int status() {
        return 503;
    }
}
