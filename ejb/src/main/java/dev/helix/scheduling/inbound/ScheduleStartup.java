package dev.helix.scheduling.inbound;

import dev.helix.platform.inbound.DatabaseMigrator;
import dev.helix.scheduling.service.Schedules;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** At start-up, makes every schedule's persistent timer match its owner (the timer store may be new or reset). */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class ScheduleStartup {

    @Inject
    Schedules schedules;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void followAll() {
        schedules.followAll();
    }
}
