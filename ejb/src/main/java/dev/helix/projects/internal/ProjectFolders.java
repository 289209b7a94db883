package dev.helix.projects.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where Helix keeps what it owns on disk for projects, under {@code helix.projects.dir} (by default the server's
 * output folder's {@code projects}): the repositories it hosts or cloned, each task's worktree, and, apart from the
 * worktrees so no sandbox can reach it, each worktree's git state (its index and a merge in progress).
 */
@ApplicationScoped
public class ProjectFolders {

    @Inject
    @ConfigProperty(name = "helix.projects.dir")
    Optional<String> projectsDir;

    @Inject
    @ConfigProperty(name = "helix.server.output.dir", defaultValue = ".")
    String outputDir;

    /** Folders under a root of the caller's choosing, where no configuration is injected (tools and tests). */
    public static ProjectFolders at(Path root) {
        ProjectFolders folders = new ProjectFolders();
        folders.projectsDir = Optional.of(root.toString());
        return folders;
    }

    /** A new, not yet existing folder for a repository of Helix's own. */
    public Path newRepository() {
        return root().resolve("repositories").resolve(UUID.randomUUID().toString());
    }

    /** The folder a task's agent works in: the only one its sandbox can write. */
    public Path worktree(long taskId) {
        return root().resolve("worktrees").resolve("task-" + taskId);
    }

    /** The git state of a task's worktree, kept outside it. */
    public Path worktreeState(long taskId) {
        return root().resolve("worktree-state").resolve("task-" + taskId);
    }

    private Path root() {
        return Path.of(projectsDir.orElseGet(() -> Path.of(outputDir, "projects").toString())).toAbsolutePath().normalize();
    }
}
