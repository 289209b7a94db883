package dev.helix.identity.model;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

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

    private final Map<String, Record> records = new ConcurrentHashMap<>();
    private volatile long lastPrune;
    private final LongSupplier nanoClock;

    public SignInThrottle(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
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

        /** Not locked out, and either long quiet or with too few failures to matter after a quiet minute. */
        synchronized boolean isStale(long now) {
            return now >= lockedUntil && (now - lastFailure > FORGET_AFTER || lockouts == 0 && now - lastFailure > QUIET);
        }
    }
}
