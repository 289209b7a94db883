package dev.helix.web.api.projects;

import dev.helix.projects.model.Project;
import dev.helix.projects.model.ProjectOrigin;
import java.time.Instant;

/**
 * A project as the API shows it.
 *
 * @param source     the path registered or the URL cloned; absent for a hosted project
 * @param repository where Helix works on the repository, on the server
 */
public record ProjectView(long id, String name, ProjectOrigin origin, String source, String repository, String defaultBranch,
                          String testCommand, Instant createdAt, Instant updatedAt) {

    static ProjectView of(Project p) {
        return new ProjectView(p.getId(), p.getName(), p.getOrigin(), p.getSource(), p.getRepository().toString(),
                p.getDefaultBranch(), p.getTestCommand(), p.getCreatedAt(), p.getUpdatedAt());
    }
}
