package dev.helix.audit.model;

/**
 * What to record of one action: who ({@code actor}, "system" for Helix itself), what ({@code action}, e.g.
 * {@code task.create}), on what ({@code target}, e.g. {@code /api/v1/tasks/12}), from where, how it ended, and
 * the state before and after where it applies (JSON, never a secret).
 */
public record AuditEntry(String actor, String action, String target, String sourceAddress, Outcome outcome,
        String detail, String before, String after) {

    /** The actor of actions Helix takes by itself (timers, the dead-letter worker, start-up). */
    public static final String SYSTEM = "system";

    public static AuditEntry system(String action, String target, String detail) {
        return new AuditEntry(SYSTEM, action, target, null, Outcome.SUCCESS, detail, null, null);
    }
}
