package dev.helix.projects.inbound;

import dev.helix.projects.service.Projects;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the demo project at a start that finds no project at all (the first start, or one after every project was
 * removed), so an installation always has a repository to work on. {@code helix.projects.demo=false} turns it off.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoProjectSeed {

    private static final Logger LOG = Logger.getLogger(DemoProjectSeed.class.getName());

    @Inject
    Projects projects;

    @Inject
    @ConfigProperty(name = "helix.projects.demo", defaultValue = "true")
    boolean seed;

    @PostConstruct
    void seed() {
        if (!seed) {
            return;
        }
        try {
            projects.seedDemo();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The demo project could not be seeded; Helix runs without it", e);
        }
    }
}
