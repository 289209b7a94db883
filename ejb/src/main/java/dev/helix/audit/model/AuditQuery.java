package dev.helix.audit.model;

import java.time.Instant;

/** A search of the audit trail; null fields do not filter. Newest first. */
public record AuditQuery(String actor, String action, String target, Instant from, Instant to, int offset, int limit) {
}
