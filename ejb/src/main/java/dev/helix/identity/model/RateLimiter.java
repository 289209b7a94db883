package dev.helix.identity.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Requests per minute per caller (a user, or an API key), as token buckets: each holds up to a minute's
 * allowance and refills continuously, so a caller may burst up to its limit and then goes at its rate. Thread
 * safe, with one short, per-caller lock per request. Buckets of callers idle long enough to be full again are
 * dropped when there are many. Counted by one server: {@link SharedRateLimiter} counts across several.
 */
public final class RateLimiter implements RequestAllowance {

    private static final int PRUNE_ABOVE = 10_000;
    /** One request's worth of tokens; a bucket refills {@code perMinute} of these units per nanosecond. */
    private static final long REQUEST = 60_000_000_000L;

    /** Pruning walks every bucket, so it runs at most once a second. */
    private static final long PRUNE_EVERY = 1_000_000_000L;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastPrune;
    private final LongSupplier nanoClock;

    public RateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public Verdict acquire(String caller, int perMinute) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > PRUNE_ABOVE && now - lastPrune > PRUNE_EVERY) {
            lastPrune = now;
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
        return buckets.computeIfAbsent(caller, c -> new Bucket(now)).take(perMinute, now);
    }

    /** One caller's allowance. */
    private static final class Bucket {

        private long tokens;
        private long updated;
        private int limit;

        Bucket(long now) {
            this.updated = now;
        }

        synchronized Verdict take(int perMinute, long now) {
            long capacity = perMinute * REQUEST;
            if (limit != perMinute) {
                tokens = limit == 0 ? capacity : Math.min(tokens, capacity);
                limit = perMinute;
            }
            tokens = Math.min(capacity, tokens + refill(now));
            updated = now;
            if (tokens >= REQUEST) {
                tokens -= REQUEST;
                return new Verdict(true, 0);
            }
            long waitNanos = (REQUEST - tokens + perMinute - 1) / perMinute;
            return new Verdict(false, Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
        }

        synchronized boolean isFullAt(long now) {
            return limit > 0 && tokens + refill(now) >= limit * REQUEST;
        }

        /** What flowed in since the last update; a minute's worth at most, which already fills the bucket. */
        private long refill(long now) {
            return Math.min(REQUEST, Math.max(0, now - updated)) * limit;
        }
    }
}
