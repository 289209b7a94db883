package dev.helix.identity.model;

/** An allowance of requests per minute per caller (a user, or an API key): whether one more may go now. */
public interface RequestAllowance {

    /** The verdict on one request: allowed, or refused with the seconds until the next one would be allowed. */
    record Verdict(boolean allowed, long retryAfterSeconds) {
    }

    /** Takes one request from the caller's allowance of {@code perMinute} requests per minute. */
    Verdict acquire(String caller, int perMinute);
}
