package dev.helix.rituals.internal;

import dev.helix.rituals.service.Rituals;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** At start-up, makes every ritual's persistent timer match its schedule (the timer store may be new or reset). */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class RitualSchedules {

    @Inject
    Rituals rituals;

    @PostConstruct
    void scheduleAll() {
        rituals.rituals().forEach(rituals::schedule);
    }
}
