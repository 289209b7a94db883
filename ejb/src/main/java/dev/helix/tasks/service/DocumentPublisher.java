package dev.helix.tasks.service;

import dev.helix.projects.model.Project;
import dev.helix.projects.model.SpecsPublication;
import dev.helix.projects.service.Projects;
import dev.helix.projects.service.SpecsBranch;
import dev.helix.tasks.model.DocumentRevision;
import dev.helix.tasks.model.DocumentsChanged;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Commits tasks' document revisions to their projects' {@code helix-specs} branch, oldest first, once the change that
 * recorded them has committed, off the committing thread. A revision is marked with its commit afterwards; one whose
 * commit made it to the branch but whose mark did not (a crash in between) is found on the branch by its
 * {@code Helix-Revision} trailer and marked, never committed twice. What fails is taken up again by the sweep.
 */
@ApplicationScoped
public class DocumentPublisher {

    private static final Logger LOG = Logger.getLogger(DocumentPublisher.class.getName());
    private static final int BATCH = 50;

    @Resource
    ManagedExecutorService executor;

    @Inject
    DocumentRevisions revisions;

    @Inject
    Projects projects;

    @Inject
    SpecsBranch specs;

    private final Map<Long, Object> locks = new ConcurrentHashMap<>();

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) DocumentsChanged change) {
        try {
            executor.submit(() -> publishPending(change.projectId()));
        } catch (RejectedExecutionException e) {
            LOG.info(() -> "Documents of project " + change.projectId() + " wait for the next sweep: " + e.getMessage());
        }
    }

    /** Commits every revision of the project still waiting, in order; stops at the first failure (logged). */
    public void publishPending(long projectId) {
        synchronized (locks.computeIfAbsent(projectId, id -> new Object())) {
            try {
                Project project = projects.find(projectId);
                List<DocumentRevision> batch;
                do {
                    batch = revisions.pending(projectId, BATCH);
                    for (DocumentRevision revision : batch) {
                        String commit = specs.publish(project, new SpecsPublication(revision.folder(), revision.files(),
                                revision.getMessage(), revision.getActor(), revision.getCreatedAt(), revision.getStatus().name(),
                                revision.getId()));
                        revisions.published(revision.getId(), commit);
                    }
                } while (batch.size() == BATCH);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Committing documents to the helix-specs branch of project " + projectId
                        + " failed; the sweep tries again within a minute", e);
            }
        }
    }
}
