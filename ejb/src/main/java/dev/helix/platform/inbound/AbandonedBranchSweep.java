package dev.helix.platform.inbound;

import dev.helix.platform.internal.OrphanedBranches;
import dev.helix.shared.model.PositiveDuration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every minute, on every server, rolls back the two-phase-commit branches left prepared for longer than {@code
 * helix.transactions.abandoned-after} in Helix's database and in Liberty's stores (timers, batch repository), where
 * these are PostgreSQL ({@link OrphanedBranches#rollBackAbandoned}): a branch no server settles keeps its rows locked.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AbandonedBranchSweep {

    private static final Duration DEFAULT_ABANDONED_AFTER = Duration.ofMinutes(5);

    @Resource(lookup = "jdbc/helix")
    DataSource helix;

    @Resource(lookup = "jdbc/liberty-stores")
    DataSource libertyStores;

    @Inject
    @ConfigProperty(name = "helix.transactions.abandoned-after", defaultValue = "PT5M")
    Duration abandonedAfter;

    @PostConstruct
    void checkSettings() {
        abandonedAfter = PositiveDuration.checked("helix.transactions.abandoned-after", abandonedAfter,
                DEFAULT_ABANDONED_AFTER);
    }

    @Schedule(hour = "*", minute = "*", persistent = false)
    void sweep() {
        OrphanedBranches.rollBackAbandoned(helix, abandonedAfter);
        OrphanedBranches.rollBackAbandoned(libertyStores, abandonedAfter);
    }
}
