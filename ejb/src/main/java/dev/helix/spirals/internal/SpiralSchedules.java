package dev.helix.spirals.internal;

import dev.helix.spirals.service.SpiralCatalog;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** At start-up, makes every CRON spiral's persistent timer match its definition (the timer store may be new or reset). */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class SpiralSchedules {

    @Inject
    SpiralCatalog catalog;

    @PostConstruct
    void scheduleAll() {
        catalog.scheduleAll();
    }
}
