package dev.helix.web.api.projects;

import dev.helix.projects.model.ProjectDefinition;
import dev.helix.shared.error.InvalidInputException;

/**
 * Body of {@code POST /api/v1/projects}: a name, where the repository is ({@code {"path"}}, {@code {"url"}} or
 * {@code {"create":true}}), and optionally the default branch and the test command. {@code PUT} takes the name, the
 * default branch and the test command; what it leaves out stays.
 */
public record ProjectRequest(String name, Repository repository, String defaultBranch, String testCommand) {

    /** Where the repository is. */
    public record Repository(String path, String url, Boolean create) {
    }

    ProjectDefinition definition() {
        if (repository == null) {
            throw new InvalidInputException("repository is required: {\"path\":...}, {\"url\":...} or {\"create\":true}");
        }
        return new ProjectDefinition(name, repository.path(), repository.url(), Boolean.TRUE.equals(repository.create()),
                defaultBranch, testCommand);
    }
}
