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
 * under load one transaction records every call answered while the one before it committed, and a record that comes
 * alone waits a few milliseconds for others. Records that wait are
 * calls still in flight for the budgets (a budget is overshot by at most those). Waiting records are written when the
 * server stops; a crash loses them (normally those of the last moment; up to {@value #MAX_QUEUED} while the database
 * refuses writes).
 */
@ApplicationScoped
public class UsageRecorder {

    private static final Logger LOG = Logger.getLogger(UsageRecorder.class.getName());
    /** More records than this waiting, and a call records its own (under load the database is the brake). */
    private static final int MAX_QUEUED = 10_000;
    /**
     * Up to 500 records to a transaction; a record that comes alone waits up to 20 ms for others, so that a trickle of
     * calls is not a transaction each; failed writes are tried 5 times, first after 200 ms.
     */
    private static final GroupCommit.Pacing PACING = new GroupCommit.Pacing(MAX_QUEUED, 500, Duration.ofMillis(20), 5,
            Duration.ofMillis(200));
    /** How long a stopping server waits for the write under way before it writes the rest itself. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    @Inject
    UsageMeter meter;

    @Resource
    ManagedThreadFactory threads;

    private GroupCommit<UsageEntry> records;

    @PostConstruct
    void start() {
        records = new GroupCommit<>("usage records", entries -> meter.recordAll(entries), PACING);
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
