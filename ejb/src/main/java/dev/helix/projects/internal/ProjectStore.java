package dev.helix.projects.internal;

import dev.helix.projects.model.Project;
import dev.helix.shared.error.ConflictException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

/** Stores a new project in a transaction of its own, once its repository is ready. */
@Stateless
public class ProjectStore {

    @PersistenceContext
    EntityManager em;

    public Project add(Project project) {
        try {
            em.persist(project); // an identity key: the row is inserted here, so a taken name fails here
            em.flush();
        } catch (PersistenceException e) {
            throw new ConflictException("A project named '" + project.getName() + "' already exists");
        }
        return project;
    }
}
