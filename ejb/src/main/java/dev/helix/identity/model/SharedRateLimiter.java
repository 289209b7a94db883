package dev.helix.identity.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Requests per minute per caller, counted across the servers of a cluster. The minute's allowance is kept in a
 * {@link Ledger} that every server shares (Helix's database); each server leases a slice of it at a time (a twentieth
 * of the limit, at least one request) and hands that out by itself, so most requests never reach the ledger. Across
 * all servers no caller gets more than its limit in a calendar minute; what a server leased and did not hand out is
 * lost to the others until the minute ends. A refused caller may go on when the next minute starts; until then its
 * refusals cost the ledger nothing.
 */
public final class SharedRateLimiter implements RequestAllowance {

    /** The allowances of every server together. */
    public interface Ledger {

        /** Takes up to {@code wanted} requests from the caller's {@code limit} for the minute; answers how many it got. */
        int lease(String caller, long epochMinute, int limit, int wanted);

        /** Forgets the minutes before this one. */
        void forgetBefore(long epochMinute);
    }

    private static final Logger LOG = Logger.getLogger(SharedRateLimiter.class.getName());
    private static final int SLICES = 20;
    private static final long MINUTE = 60_000;
    private static final int PRUNE_ABOVE = 10_000;

    private final Ledger ledger;
    private final LongSupplier epochMillis;
    private final Map<String, Slice> slices = new ConcurrentHashMap<>();
    private final AtomicLong minuteSeen = new AtomicLong(-1);

    public SharedRateLimiter(Ledger ledger, LongSupplier epochMillis) {
        this.ledger = ledger;
        this.epochMillis = epochMillis;
    }

    @Override
    public Verdict acquire(String caller, int perMinute) {
        long now = epochMillis.getAsLong();
        long minute = now / MINUTE;
        long seen = minuteSeen.get();
        if (minute > seen && minuteSeen.compareAndSet(seen, minute)) {
            if (slices.size() > PRUNE_ABOVE) {
                slices.values().removeIf(slice -> slice.isBefore(minute));
            }
            try {
                ledger.forgetBefore(minute - 1);
            } catch (RuntimeException e) { // no reason to refuse this request: the next minute tries again
                LOG.log(Level.WARNING, "Old request allowances could not be forgotten", e);
            }
        }
        if (slices.computeIfAbsent(caller, c -> new Slice()).take(ledger, caller, minute, perMinute)) {
            return new Verdict(true, 0);
        }
        return new Verdict(false, Math.max(1, ((minute + 1) * MINUTE - now + 999) / 1000));
    }

    /** What this server holds of one caller's allowance for one minute. */
    private static final class Slice {

        private long minute = -1;
        private int left;
        private boolean exhausted;

        synchronized boolean take(Ledger ledger, String caller, long now, int perMinute) {
            // A new minute starts the slice afresh; a request that read the clock just before it turned counts in it.
            if (now > minute) {
                minute = now;
                left = 0;
                exhausted = false;
            }
            if (left == 0 && !exhausted) {
                left = ledger.lease(caller, minute, perMinute, Math.max(1, perMinute / SLICES));
                exhausted = left == 0;
            }
            if (left > 0) {
                left--;
                return true;
            }
            return false;
        }

        synchronized boolean isBefore(long now) {
            return minute < now;
        }
    }
}
