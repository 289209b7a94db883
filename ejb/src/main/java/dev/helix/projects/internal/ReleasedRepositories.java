package dev.helix.projects.internal;

import dev.helix.projects.model.RepositoryReleased;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Removes the repository of a removed project once the removal has committed, so a rollback never loses one. */
@ApplicationScoped
public class ReleasedRepositories {

    private static final Logger LOG = Logger.getLogger(ReleasedRepositories.class.getName());

    @Inject
    GitRepositories git;

    void remove(@Observes(during = TransactionPhase.AFTER_SUCCESS) RepositoryReleased released) {
        try {
            git.delete(released.repository());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The repository of a removed project stays at " + released.repository(), e);
        }
    }
}
