package dev.helix.audit.model;

import java.time.Instant;

/**
 * What Helix knows of its audit chain now: whether records can be appended (every change needs its record, so a
 * server that cannot append cannot take changes) and the last verification's verdict.
 *
 * @param writable     whether the last append succeeded (or none was tried yet)
 * @param writeProblem why the last append failed, while {@code writable} is false
 * @param failingSince when appends started failing, while {@code writable} is false
 * @param verdict      the last verification's verdict, or {@code null} before the first
 * @param verifiedAt   when that verification ran
 */
public record ChainHealth(boolean writable, String writeProblem, Instant failingSince, ChainVerdict verdict,
                          Instant verifiedAt) {

    /** Whether an unacknowledged break was found. */
    public boolean broken() {
        return verdict != null && verdict.state() == ChainVerdict.State.BROKEN;
    }
}
