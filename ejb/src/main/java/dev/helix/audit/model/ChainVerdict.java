package dev.helix.audit.model;

import java.util.List;

/**
 * The result of checking the audit chain: every break found, in chain order, and the state they leave it in. A break
 * stays in every later verdict; acknowledging it (a record of its own, in the chain) changes the state from
 * {@code BROKEN} to {@code ACKNOWLEDGED}, never back to {@code INTACT}. {@code firstBrokenId} and {@code reason} name the
 * first break, if any.
 */
public record ChainVerdict(boolean intact, State state, long checked, Long firstBrokenId, String reason,
                           List<ChainBreak> breaks) {

    /** What the breaks found leave the chain in. */
    public enum State {
        /** No break. */
        INTACT,
        /** Every break found was acknowledged by an administrator. */
        ACKNOWLEDGED,
        /** At least one break no one has acknowledged. */
        BROKEN
    }

    static ChainVerdict of(long checked, List<ChainBreak> breaks) {
        if (breaks.isEmpty()) {
            return new ChainVerdict(true, State.INTACT, checked, null, null, List.of());
        }
        ChainBreak first = breaks.get(0);
        State state = breaks.stream().allMatch(b -> b.acknowledgedBy() != null) ? State.ACKNOWLEDGED : State.BROKEN;
        return new ChainVerdict(false, state, checked, first.recordId(),
                "Record " + first.recordId() + " is broken: " + first.reason(), List.copyOf(breaks));
    }

    /** The first break no one has acknowledged, if any. */
    public ChainBreak firstUnacknowledged() {
        return breaks.stream().filter(b -> b.acknowledgedBy() == null).findFirst().orElse(null);
    }
}
