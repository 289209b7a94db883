package dev.helix.audit.model;

/** The result of checking the audit chain: intact, or the first broken record and why. */
public record ChainVerdict(boolean intact, long checked, Long firstBrokenId, String reason) {

    static ChainVerdict intact(long checked) {
        return new ChainVerdict(true, checked, null, null);
    }

    static ChainVerdict broken(long checked, long id, String reason) {
        return new ChainVerdict(false, checked, id, "Record " + id + " is broken: " + reason);
    }
}
