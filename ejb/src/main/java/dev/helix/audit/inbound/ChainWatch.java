package dev.helix.audit.inbound;

import dev.helix.audit.service.AuditTrail;
import dev.helix.shared.model.PositiveDuration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies the audit chain shortly after start-up and then every {@code helix.audit.verify-interval} (10 minutes by
 * default), so that a break is reported (health, alert, portal) without anyone asking for a verification.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class ChainWatch {

    private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);
    private static final long FIRST_AFTER_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger(ChainWatch.class.getName());

    @Inject
    AuditTrail trail;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    @ConfigProperty(name = "helix.audit.verify-interval", defaultValue = "PT10M")
    Duration interval;

    @PostConstruct
    void start() {
        long every = PositiveDuration.checked("helix.audit.verify-interval", interval, DEFAULT_INTERVAL).toMillis();
        executor.scheduleWithFixedDelay(this::verify, TimeUnit.SECONDS.toMillis(FIRST_AFTER_SECONDS), every, TimeUnit.MILLISECONDS);
    }

    private void verify() {
        try {
            trail.verify();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Verifying the audit chain failed; the next verification is due in " + interval, e);
        }
    }
}
