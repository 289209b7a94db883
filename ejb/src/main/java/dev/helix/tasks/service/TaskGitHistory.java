package dev.helix.tasks.service;

import dev.helix.projects.model.BranchChanges;
import dev.helix.projects.model.Project;
import dev.helix.projects.model.SpecsCommit;
import dev.helix.projects.service.Projects;
import dev.helix.projects.service.SpecsBranch;
import dev.helix.projects.service.TaskWorktrees;
import dev.helix.shared.error.NotFoundException;
import dev.helix.tasks.model.Task;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a task left in its project's repository: its documents' history on the {@code helix-specs} branch (and the
 * documents as they were), and what its implementation branch changes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TaskGitHistory {

    @PersistenceContext
    EntityManager em;

    @Inject
    Projects projects;

    @Inject
    SpecsBranch specs;

    @Inject
    TaskWorktrees worktrees;

    /** The commits that changed the task's documents, newest first. */
    public List<SpecsCommit> history(long taskId) {
        return specs.history(projectOf(taskId), "tasks/" + taskId);
    }

    /** The task's files ({@code task.md}, {@code requirements.md}, {@code design.md}, {@code plan.md}) as the commit holds them. */
    public Map<String, String> at(long taskId, String commit) {
        return specs.filesAt(projectOf(taskId), commit, "tasks/" + taskId);
    }

    /** What the commit changed in the task's documents, as a unified diff against the commit before it. */
    public String documentChanges(long taskId, String commit) {
        return specs.changesAt(projectOf(taskId), commit, "tasks/" + taskId);
    }

    /** What the task's branch changes against the default branch: files, lines and the unified diff. */
    public BranchChanges changes(long taskId) {
        return worktrees.changes(projectOf(taskId), taskId).orElseThrow(() -> NotFoundException.because("Task " + taskId
                + " has no implementation branch yet: its agent has not started on its checklist"));
    }

    /** The changes of the task's branch, if it is a task of a project whose agent has started on its checklist. */
    public Optional<BranchChanges> changesSoFar(Task task) {
        return task.getProjectId() == null ? Optional.empty()
                : worktrees.changes(projects.find(task.getProjectId()), task.getId());
    }

    /** The history of the task's documents, if it is a task of a project; empty otherwise. */
    public List<SpecsCommit> historySoFar(Task task) {
        return task.getProjectId() == null ? List.of() : specs.history(projects.find(task.getProjectId()), "tasks/" + task.getId());
    }

    private Project projectOf(long taskId) {
        Task task = em.find(Task.class, taskId);
        if (task == null) {
            throw new NotFoundException("Task", taskId);
        }
        if (task.getProjectId() == null) {
            throw NotFoundException.because("Task " + taskId + " works in no project, so it has nothing in git");
        }
        return projects.find(task.getProjectId());
    }
}
