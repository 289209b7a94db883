package dev.helix.rituals.service;

import dev.helix.rituals.model.RitualRun;
import dev.helix.rituals.model.RitualRunStatus;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps rituals running as scheduled: at start-up it makes every ritual's timer match its schedule; every 30
 * seconds it starts runs still queued and resumes runs whose server stopped under them (Liberty marks such
 * executions FAILED when it starts; the restart resumes at the last checkpoint).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class RitualSupervisor {

    private static final Duration QUEUED_GRACE = Duration.ofSeconds(20);

    @PersistenceContext
    EntityManager em;

    @Inject
    Rituals rituals;

    @Inject
    RitualLauncher launcher;

    @PostConstruct
    void scheduleAll() {
        rituals.rituals().forEach(rituals::schedule);
    }

    @Schedule(hour = "*", minute = "*", second = "15/30", persistent = false)
    void sweep() {
        em.createQuery("SELECT r.id FROM RitualRun r WHERE r.status = :queued AND r.createdAt < :before", Long.class)
                .setParameter("queued", RitualRunStatus.QUEUED).setParameter("before", Instant.now().minus(QUEUED_GRACE))
                .getResultList().forEach(launcher::launch);
        em.createQuery("SELECT r FROM RitualRun r WHERE r.status = :running AND r.batchExecutionId IS NOT NULL", RitualRun.class)
                .setParameter("running", RitualRunStatus.RUNNING).getResultList().forEach(launcher::resume);
    }
}
