package dev.helix.projects.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A git repository Helix works on: where it came from, where it is on disk, the branch work merges into, and the
 * command that runs its tests in the sandbox.
 */
@Entity
@Table(name = "project")
public class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 120)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ProjectOrigin origin;

    /** The path registered or the URL cloned; {@code null} for a hosted project. */
    @Column(length = 1000)
    private String source;

    @Column(name = "repository_path", nullable = false, length = 1000)
    private String repositoryPath;

    @Column(name = "default_branch", nullable = false, length = 200)
    private String defaultBranch;

    @Column(name = "test_command", length = 1000)
    private String testCommand;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Project() {
    }

    public Project(String name, ProjectOrigin origin, String source, Path repository, String defaultBranch,
                   String testCommand, Instant now) {
        this.origin = origin;
        this.source = source;
        this.repositoryPath = repository.toAbsolutePath().toString();
        this.createdAt = now;
        change(name, defaultBranch, testCommand, now);
    }

    /** Changes what may change: the name, the default branch and the test command. */
    public final void change(String name, String defaultBranch, String testCommand, Instant now) {
        this.name = name;
        this.defaultBranch = defaultBranch;
        this.testCommand = testCommand;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public ProjectOrigin getOrigin() {
        return origin;
    }

    public String getSource() {
        return source;
    }

    public Path getRepository() {
        return Path.of(repositoryPath);
    }

    public String getDefaultBranch() {
        return defaultBranch;
    }

    public String getTestCommand() {
        return testCommand;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
