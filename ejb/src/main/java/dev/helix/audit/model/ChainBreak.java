package dev.helix.audit.model;

/**
 * One break of the audit chain: the record where it shows (for removed records, the first one missing) and why;
 * {@code acknowledgedBy} is the id of the later record in which an administrator acknowledged it, or {@code null}.
 */
public record ChainBreak(long recordId, String reason, Long acknowledgedBy) {

    ChainBreak acknowledged(Long by) {
        return new ChainBreak(recordId, reason, by);
    }
}
