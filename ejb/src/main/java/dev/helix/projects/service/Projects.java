package dev.helix.projects.service;

import dev.helix.projects.internal.DemoProject;
import dev.helix.projects.internal.GitRepositories;
import dev.helix.projects.internal.ProjectFolders;
import dev.helix.projects.internal.ProjectStore;
import dev.helix.projects.model.Project;
import dev.helix.projects.model.ProjectDefinition;
import dev.helix.projects.model.ProjectOrigin;
import dev.helix.projects.model.RepositoryReleased;
import dev.helix.shared.error.ConcurrentChangeException;
import dev.helix.shared.error.ConflictException;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.error.NotFoundException;
import dev.helix.shared.model.Names;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import org.eclipse.jgit.lib.Repository;

/**
 * The projects Helix works on. A new one's repository is made ready first, outside any transaction (a clone may take
 * a while), then the project is stored; a repository Helix made for a project that could not be stored is removed
 * again. A repository registered where it is stays the user's: Helix never deletes it.
 */
@Stateless
public class Projects {

    private static final int MAX_NAME = 120;
    private static final int MAX_COMMAND = 1000;
    private static final Set<String> URL_SCHEMES = Set.of("https", "http", "git", "file");
    private static final Duration CLONE_TIMEOUT = Duration.ofMinutes(5);
    private static final String FIRST_BRANCH = "main";

    @PersistenceContext
    EntityManager em;

    @Inject
    GitRepositories git;

    @Inject
    ProjectStore store;

    @Inject
    Event<RepositoryReleased> removed;

    @Inject
    ProjectFolders folders;

    public List<Project> all() {
        return em.createQuery("SELECT p FROM Project p ORDER BY p.name", Project.class).getResultList();
    }

    /** Whether a project has this name. */
    public boolean named(String name) {
        return !em.createQuery("SELECT p.id FROM Project p WHERE p.name = :name", Long.class).setParameter("name", name)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Whether a project has this id. */
    public boolean exists(long id) {
        return em.find(Project.class, id) != null;
    }

    public Project find(long id) {
        Project project = em.find(Project.class, id);
        if (project == null) {
            throw new NotFoundException("Project", id);
        }
        return project;
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Project register(ProjectDefinition definition) {
        String name = checkName(definition.name());
        String testCommand = checkCommand(definition.testCommand());
        ProjectOrigin origin = checkOrigin(definition);
        Path repository;
        String branch;
        switch (origin) {
            case PATH -> {
                repository = Path.of(definition.path()).toAbsolutePath().normalize();
                branch = git.checkRegistered(repository);
            }
            case CLONE -> {
                repository = folders.newRepository();
                branch = git.cloneInto(checkUrl(definition.url()), repository, CLONE_TIMEOUT);
            }
            default -> {
                repository = folders.newRepository();
                branch = definition.defaultBranch() == null ? FIRST_BRANCH : checkBranchName(definition.defaultBranch());
                git.create(repository, branch, Map.of("README.md", "# " + name + "\n"), "Create " + name);
            }
        }
        if (definition.defaultBranch() != null) {
            branch = checkBranchName(definition.defaultBranch());
            if (!git.mayUseBranch(repository, branch)) {
                discard(origin, repository);
                throw new InvalidInputException("defaultBranch '" + branch + "' is not a branch of the repository");
            }
        }
        return store(new Project(name, origin, origin == ProjectOrigin.HOSTED ? null
                : origin == ProjectOrigin.PATH ? repository.toString() : definition.url(), repository, branch, testCommand,
                Instant.now()));
    }

    /** Seeds the demo project (a tiny library with a failing test) when there is no project at all. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void seedDemo() {
        if (!all().isEmpty()) {
            return;
        }
        Path repository = folders.newRepository();
        git.create(repository, FIRST_BRANCH, DemoProject.files(), "Seed the demo project");
        store(new Project(DemoProject.NAME, ProjectOrigin.HOSTED, null, repository, FIRST_BRANCH, DemoProject.TEST_COMMAND,
                Instant.now()));
    }

    /** Changes the name, default branch or test command; a field left {@code null} stays as it is. */
    public Project change(long id, String name, String defaultBranch, String testCommand) {
        Project project = find(id);
        String branch = defaultBranch == null ? project.getDefaultBranch() : checkBranchName(defaultBranch);
        if (!git.mayUseBranch(project.getRepository(), branch)) {
            throw new InvalidInputException("defaultBranch '" + branch + "' is not a branch of the repository");
        }
        String newName = name == null ? project.getName() : checkName(name);
        if (!newName.equals(project.getName()) && named(newName)) {
            throw new ConflictException("A project named '" + newName + "' already exists");
        }
        project.change(newName, branch, testCommand == null ? project.getTestCommand() : checkCommand(testCommand), Instant.now());
        ConcurrentChangeException.flush(em); // a change or a rename that raced another: a 409
        return project;
    }

    /**
     * Removes the project (refused while a task names it); the repository, if it is Helix's own copy, goes once the
     * removal has committed.
     */
    public void delete(long id) {
        Project project = find(id);
        em.remove(project);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new ConflictException("Project " + id + " is named by tasks; it stays while they do");
        }
        if (project.getOrigin() != ProjectOrigin.PATH) {
            removed.fire(new RepositoryReleased(project.getRepository()));
        }
    }

    private Project store(Project project) {
        try {
            return store.add(project);
        } catch (RuntimeException e) {
            discard(project.getOrigin(), project.getRepository());
            throw e;
        }
    }

    private void discard(ProjectOrigin origin, Path repository) {
        if (origin != ProjectOrigin.PATH) {
            git.delete(repository);
        }
    }

    private String checkName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new InvalidInputException("name must be 1 to " + MAX_NAME + " characters");
        }
        Names.require("name", name);
        return name.strip();
    }

    private static String checkCommand(String command) {
        if (command != null && (command.isBlank() || command.length() > MAX_COMMAND)) {
            throw new InvalidInputException("testCommand must be 1 to " + MAX_COMMAND + " characters");
        }
        return command;
    }

    private static ProjectOrigin checkOrigin(ProjectDefinition definition) {
        int given = (definition.path() != null ? 1 : 0) + (definition.url() != null ? 1 : 0) + (definition.create() ? 1 : 0);
        if (given != 1) {
            throw new InvalidInputException("repository must hold exactly one of {\"path\":...}, {\"url\":...} or {\"create\":true}");
        }
        if (definition.path() != null && !Path.of(definition.path()).isAbsolute()) {
            throw new InvalidInputException("repository.path must be an absolute path on the server");
        }
        return definition.origin();
    }

    private static String checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !URL_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("repository.url must be an https, http, git or file URL");
            }
            if (uri.getRawUserInfo() != null) {
                throw new InvalidInputException("repository.url must not carry credentials: Helix clones public repositories, "
                        + "or register a clone of your own by its path");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("repository.url is not a URL: " + e.getReason());
        }
    }

    private static String checkBranchName(String branch) {
        if (!Repository.isValidRefName("refs/heads/" + branch)) {
            throw new InvalidInputException("defaultBranch '" + branch + "' is not a valid branch name");
        }
        return branch;
    }
}
