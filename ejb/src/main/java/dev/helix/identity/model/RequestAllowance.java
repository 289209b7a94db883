package dev.helix.identity.model;

/** An allowance of requests per minute per caller (a user, or an API key): whether one more may go now. */
public interface RequestAllowance {

    /** The verdict on one request: allowed, or refused with the seconds until the next one would be allowed. */
    record Verdict(boolean allowed, long retryAfterSeconds) {
    }

    /** Takes one request from the caller's allowance of {@code perMinute} requests per minute. */
    Verdict acquire(String caller, int perMinute);

    /**
     * Allowances counted by this server alone ({@link RateLimiter}), or, when {@code shared}, across every server of
     * a cluster over the ledger they share ({@link SharedRateLimiter}).
     */
    static RequestAllowance counted(boolean shared, SharedRateLimiter.Ledger ledger) {
        return shared ? new SharedRateLimiter(ledger, System::currentTimeMillis) : new RateLimiter(System::nanoTime);
    }
}
