package dev.helix.metering.service;

import dev.helix.metering.internal.GroupCommit;
import dev.helix.metering.model.UsageEntry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Meters the gateway's calls after they are answered, on a thread of its own: an answer never waits for its record,
 * and under load one transaction records every call answered while the one before it committed. Records that wait are
 * calls still in flight for the budgets (a budget is overshot by at most those). Waiting records are written when the
 * server stops; a crash loses them (normally those of the last moment; up to {@value #MAX_QUEUED} while the database
 * refuses writes).
 */
@ApplicationScoped
public class UsageRecorder {

    private static final Logger LOG = Logger.getLogger(UsageRecorder.class.getName());
    /** More records than this waiting, and a call records its own (under load the database is the brake). */
    private static final int MAX_QUEUED = 10_000;
    private static final int MAX_PER_TRANSACTION = 500;
    private static final int ATTEMPTS = 5;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    /** How long a stopping server waits for the write under way before it writes the rest itself. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    @Inject
    UsageMeter meter;

    @Resource
    ManagedThreadFactory threads;

    private GroupCommit<UsageEntry> records;

    @PostConstruct
    void start() {
        records = new GroupCommit<>("usage records", entries -> meter.recordAll(entries), MAX_QUEUED, MAX_PER_TRANSACTION,
                ATTEMPTS, FIRST_PAUSE);
        records.start(threads);
    }

    /** Meters the call soon. */
    public void record(UsageEntry entry) {
        records.submit(entry);
    }

    @PreDestroy
    void stop() {
        int waiting = records.queued();
        try {
            records.stop(STOP_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.severe(() -> "The server stops with up to " + waiting + " usage records not written");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The server stops with up to " + waiting + " usage records not written", e);
        }
    }
}
