package dev.helix.tasks.service;

import dev.helix.tasks.model.DocumentRevision;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** The revisions of tasks' documents waiting to be committed to their projects' specs branches, and their marks. */
@Stateless
public class DocumentRevisions {

    @PersistenceContext
    EntityManager em;

    /** The project's revisions not yet committed, oldest first. */
    public List<DocumentRevision> pending(long projectId, int limit) {
        return em.createQuery("SELECT r FROM DocumentRevision r WHERE r.projectId = :project AND r.commitId IS NULL "
                        + "ORDER BY r.id", DocumentRevision.class)
                .setParameter("project", projectId).setMaxResults(limit).getResultList();
    }

    /** The projects that have revisions recorded before the instant and not yet committed. */
    public List<Long> projectsWaitingSince(Instant before) {
        return em.createQuery("SELECT DISTINCT r.projectId FROM DocumentRevision r WHERE r.commitId IS NULL "
                        + "AND r.createdAt < :before", Long.class)
                .setParameter("before", before).getResultList();
    }

    public void published(long revisionId, String commit) {
        DocumentRevision revision = em.find(DocumentRevision.class, revisionId);
        if (revision != null) {
            revision.published(commit);
        }
    }
}
