package dev.helix.tasks.service;

import dev.helix.projects.model.Project;
import dev.helix.projects.model.SpecsCommit;
import dev.helix.projects.service.Projects;
import dev.helix.projects.service.SpecsBranch;
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

/** The history of a task's documents on its project's {@code helix-specs} branch, and the documents as they were. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TaskDocuments {

    @PersistenceContext
    EntityManager em;

    @Inject
    Projects projects;

    @Inject
    SpecsBranch specs;

    /** The commits that changed the task's documents, newest first. */
    public List<SpecsCommit> history(long taskId) {
        return specs.history(projectOf(taskId), "tasks/" + taskId);
    }

    /** The task's files ({@code task.md}, {@code requirements.md}, {@code design.md}, {@code plan.md}) as the commit holds them. */
    public Map<String, String> at(long taskId, String commit) {
        return specs.filesAt(projectOf(taskId), commit, "tasks/" + taskId);
    }

    private Project projectOf(long taskId) {
        Task task = em.find(Task.class, taskId);
        if (task == null) {
            throw new NotFoundException("Task", taskId);
        }
        if (task.getProjectId() == null) {
            throw NotFoundException.because("Task " + taskId + " works in no project, so its documents have no history in git");
        }
        return projects.find(task.getProjectId());
    }
}
