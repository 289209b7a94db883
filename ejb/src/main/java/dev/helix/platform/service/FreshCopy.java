package dev.helix.platform.service;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A copy of something stored that every request consults (the permission matrix, the security settings): kept
 * in memory, re-read once older than its lifetime (so a change made on another server arrives within it), and
 * dropped when a transaction of this server that changed it commits (so such a change applies here at once,
 * and a rolled-back one never shows). A copy that cannot be read again (the database out of reach) keeps serving
 * the one read before, if any, for another lifetime before it tries again. Thread safe.
 */
public final class FreshCopy<T> {

    private static final Logger LOG = Logger.getLogger(FreshCopy.class.getName());
    private final Duration lifetime;
    private final Supplier<T> reader;
    private volatile Held<T> held;
    private final AtomicLong changes = new AtomicLong();

    private record Held<T>(T value, Instant readAt) {
    }

    public FreshCopy(Duration lifetime, Supplier<T> reader) {
        this.lifetime = lifetime;
        this.reader = reader;
    }

    public T get() {
        Held<T> current = held;
        Instant now = Instant.now();
        if (current == null || current.readAt().plus(lifetime).isBefore(now)) {
            long before = changes.get();
            T value;
            try {
                value = reader.get();
            } catch (RuntimeException e) {
                if (current == null) {
                    throw e;
                }
                // The database out of reach: the last copy read serves for another lifetime (unless a change committed
                // meanwhile), so that requests do not each try, and log, a read that fails.
                Instant readAt = current.readAt();
                LOG.warning(() -> "Keeping the copy read at " + readAt + ": it cannot be read again now (" + e + ")");
                if (changes.get() == before) {
                    held = new Held<>(current.value(), now);
                }
                return current.value();
            }
            current = new Held<>(value, now);
            if (changes.get() == before) {
                // Kept only when no change committed while it was read: a read that raced one may be the old value.
                held = current;
            }
        }
        return current.value();
    }

    /** Drops the copy when the current transaction commits. */
    public void forgetOnCommit(TransactionSynchronizationRegistry transactions) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    changes.incrementAndGet();
                    held = null;
                }
            }
        });
    }
}
