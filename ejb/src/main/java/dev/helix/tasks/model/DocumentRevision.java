package dev.helix.tasks.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task's documents as of one status or checklist change, recorded with the change, and committed afterwards to its
 * project's {@code helix-specs} branch; {@code commitId} says once it is.
 */
@Entity
@Table(name = "document_revision")
public class DocumentRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "task_id", nullable = false)
    private long taskId;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(nullable = false, length = 128)
    private String actor;

    @Column(nullable = false, length = 1000)
    private String message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private TaskStatus status;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 20000)
    private String prompt;

    @Column(length = 1_000_000)
    private String requirements;

    @Column(length = 1_000_000)
    private String design;

    @Column(length = 1_000_000)
    private String plan;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "commit_id", length = 40)
    private String commitId;

    protected DocumentRevision() {
    }

    public DocumentRevision(Task task, String actor, String message, Instant now) {
        this.taskId = task.getId();
        this.projectId = task.getProjectId();
        this.actor = actor;
        this.message = message;
        this.status = task.getStatus();
        this.title = task.getTitle();
        this.prompt = task.getPrompt();
        this.requirements = task.getRequirements();
        this.design = task.getDesign();
        this.plan = task.getPlan();
        this.createdAt = now;
    }

    /** The task's folder on the specs branch. */
    public String folder() {
        return "tasks/" + taskId;
    }

    /** The files of the task's folder: {@code task.md} always, each document once it is written. */
    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("task.md", "# " + title + "\n\nStatus: " + status + "\n\n## What was asked\n\n" + prompt.strip() + "\n");
        if (requirements != null) {
            files.put("requirements.md", requirements);
        }
        if (design != null) {
            files.put("design.md", design);
        }
        if (plan != null) {
            files.put("plan.md", plan);
        }
        return files;
    }

    public void published(String commit) {
        this.commitId = commit;
    }

    public Long getId() {
        return id;
    }

    public long getTaskId() {
        return taskId;
    }

    public long getProjectId() {
        return projectId;
    }

    public String getActor() {
        return actor;
    }

    public String getMessage() {
        return message;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCommitId() {
        return commitId;
    }
}
