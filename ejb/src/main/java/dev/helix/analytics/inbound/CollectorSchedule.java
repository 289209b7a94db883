package dev.helix.analytics.inbound;

import dev.helix.analytics.service.MetricsCollector;
import dev.helix.shared.model.PositiveDuration;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the metrics collector every {@code helix.analytics.collect-interval} (15 s by default) from the start of
 * the application (after the migrations); a run that fails is logged and the next one goes on, filling in the
 * minutes the failed run missed.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class CollectorSchedule {

    private static final Logger LOG = Logger.getLogger(CollectorSchedule.class.getName());

    @Inject
    MetricsCollector collector;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    @ConfigProperty(name = "helix.analytics.collect-interval", defaultValue = "PT15S")
    Duration interval;

    @PostConstruct
    void start() {
        long every = PositiveDuration.checked("helix.analytics.collect-interval", interval,
                MetricsCollector.DEFAULT_INTERVAL).toMillis();
        executor.scheduleWithFixedDelay(this::collect, every, every, TimeUnit.MILLISECONDS);
    }

    private void collect() {
        try {
            collector.collect(Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Collecting the metrics failed; the next run fills in what this one missed", e);
        }
    }
}
