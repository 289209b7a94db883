package dev.helix.projects.internal;

import dev.helix.projects.model.Project;
import dev.helix.projects.model.RepositoryUnavailableException;
import dev.helix.shared.error.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * What Helix does to a project's repository as a whole, through JGit: create a hosted one with its first commit, clone
 * one from a URL, check one registered where it is, open one, and remove Helix's own copies.
 */
@ApplicationScoped
public class GitRepositories {

    private static final Logger LOG = Logger.getLogger(GitRepositories.class.getName());

    /** Who Helix's own commits are by. */
    public static final PersonIdent HELIX = new PersonIdent("Helix", "helix@localhost");

    /** Creates a repository whose branch holds the files in one first commit. */
    public void create(Path dir, String branch, Map<String, String> files, String message) {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch(branch).call()) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            git.add().addFilepattern(".").call();
            git.commit().setMessage(message).setAuthor(HELIX).setCommitter(HELIX).setSign(false).call();
        } catch (GitAPIException | IOException e) {
            throw new IllegalStateException("The repository could not be created in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Clones the URL into the folder and returns the branch its HEAD names. */
    public String cloneInto(String url, Path dir, Duration timeout) {
        try (Git git = Git.cloneRepository().setURI(url).setDirectory(dir.toFile())
                .setTimeout((int) Math.max(1, timeout.toSeconds())).call()) {
            return git.getRepository().getBranch();
        } catch (GitAPIException | RuntimeException e) {
            delete(dir);
            throw new InvalidInputException("repository.url could not be cloned: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks that the path is a git repository and returns the branch its HEAD names. */
    public String checkRegistered(Path path) {
        if (!Files.isDirectory(path)) {
            throw new InvalidInputException("repository.path " + path + " is not a folder on the server");
        }
        try (Git git = Git.open(path.toFile())) {
            return git.getRepository().getBranch();
        } catch (RepositoryNotFoundException e) {
            throw new InvalidInputException("repository.path " + path + " is not a git repository");
        } catch (IOException e) {
            throw new InvalidInputException("repository.path " + path + " cannot be read: " + e.getMessage());
        }
    }

    /** Whether the repository has the branch, or has no commit yet (then any branch is the first one's). */
    public boolean mayUseBranch(Path repository, String branch) {
        try (Git git = Git.open(repository.toFile())) {
            Repository repo = git.getRepository();
            return repo.exactRef("refs/heads/" + branch) != null || repo.resolve("HEAD") == null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the project's own repository, never one of the folders above it. */
    public Repository open(Project project) throws IOException {
        File dir = project.getRepository().toFile();
        File gitDir = RepositoryCache.FileKey.resolve(dir, FS.DETECTED);
        if (gitDir == null) {
            throw unavailable(project, new IOException("no git repository at " + dir + " any more"));
        }
        return new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build();
    }

    /** The error to answer for a use of the project's repository that failed, its cause logged with the paths. */
    public static RepositoryUnavailableException unavailable(Project project, IOException cause) {
        LOG.log(Level.WARNING, "Project '" + project.getName() + "'s repository at " + project.getRepository()
                + " could not be used", cause);
        return new RepositoryUnavailableException(project.getName(), cause);
    }

    /** Removes a folder of Helix's own (a clone or a hosted repository) with everything in it. */
    public void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
