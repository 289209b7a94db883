package dev.helix.identity.model;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Brute-force protection for sign-in: after {@value #FREE_FAILURES} wrong passwords in a row for one user from
 * one address, that pair is locked out for 30 seconds, and each further lock-out doubles, up to 15 minutes; a
 * right password ends it all. Keyed by user and address, so a stranger elsewhere cannot lock a user out of
 * their own sign-in. Kept in memory per server.
 */
public final class SignInThrottle {

    static final int FREE_FAILURES = 5;
    private static final long FIRST_LOCKOUT = Duration.ofSeconds(30).toNanos();
    private static final long LONGEST_LOCKOUT = Duration.ofMinutes(15).toNanos();
    private static final long FORGET_AFTER = Duration.ofMinutes(15).toNanos();
    private static final int PRUNE_ABOVE = 10_000;

    private static final long PRUNE_EVERY = Duration.ofSeconds(1).toNanos();
    private static final long QUIET = Duration.ofMinutes(1).toNanos();

    /** How long an attempt waits for an earlier one of the same user and address before it is turned away. */
    private static final long BUSY_WAIT_MILLIS = 2000;

    private final Map<String, Record> records = new ConcurrentHashMap<>();
    private volatile long lastPrune;
    private final LongSupplier nanoClock;

    public SignInThrottle(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * Runs one sign-in attempt of this user from this address on its own: its lock-out check, the password check
     * and the counting of the outcome happen as one, so that a burst of parallel guesses cannot slip past the limit.
     * Only attempts of the same user and address wait for each other, at most {@value #BUSY_WAIT_MILLIS} ms, then
     * they get {@code busy}. A right password is quick to check again (it is remembered), so a client's parallel
     * requests hardly wait.
     */
    public <T> T exclusively(String user, String address, Supplier<T> attempt, Supplier<T> busy) {
        ReentrantLock turn = records.computeIfAbsent(key(user, address), k -> new Record()).turn;
        try {
            if (!turn.tryLock(BUSY_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return busy.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return busy.get();
        }
        try {
            return attempt.get();
        } finally {
            turn.unlock();
        }
    }

    /** How long the pair is still locked out, if it is. */
    public Optional<Duration> lockedFor(String user, String address) {
        Record record = records.get(key(user, address));
        long now = nanoClock.getAsLong();
        return record == null ? Optional.empty() : record.remaining(now).map(Duration::ofNanos);
    }

    /** Notes a wrong password; answers the lock-out it starts, if it starts one. */
    public Optional<Duration> failed(String user, String address) {
        long now = nanoClock.getAsLong();
        if (records.size() > PRUNE_ABOVE && now - lastPrune > PRUNE_EVERY) {
            lastPrune = now;
            records.values().removeIf(r -> r.isStale(now));
        }
        return records.computeIfAbsent(key(user, address), k -> new Record()).fail(now).map(Duration::ofNanos);
    }

    public void succeeded(String user, String address) {
        records.remove(key(user, address));
    }

    private static String key(String user, String address) {
        return user + "\u0000" + address;
    }

    /** One user+address pair's recent failures and lock-outs. */
    private static final class Record {

        /** Whose turn it is to try: one attempt of the pair at a time. */
        private final ReentrantLock turn = new ReentrantLock();
        private int failures;
        private int lockouts;
        private long lockedUntil;
        private long lastFailure;

        synchronized Optional<Long> fail(long now) {
            if (now - lastFailure > FORGET_AFTER) {
                failures = 0;
                lockouts = 0;
            }
            lastFailure = now;
            failures++;
            if (failures < FREE_FAILURES) {
                return Optional.empty();
            }
            long lockout = Math.min(LONGEST_LOCKOUT, FIRST_LOCKOUT << Math.min(lockouts, 16));
            lockouts++;
            failures = 0;
            lockedUntil = now + lockout;
            return Optional.of(lockout);
        }

        synchronized Optional<Long> remaining(long now) {
            return now < lockedUntil ? Optional.of(lockedUntil - now) : Optional.empty();
        }

        /** Not locked out, no attempt under way, and either long quiet or with too few failures to matter. */
        synchronized boolean isStale(long now) {
            return !turn.isLocked() && now >= lockedUntil && (now - lastFailure > FORGET_AFTER || lockouts == 0 && now - lastFailure > QUIET);
        }
    }
}
