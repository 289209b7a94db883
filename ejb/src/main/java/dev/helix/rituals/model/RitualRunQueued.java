package dev.helix.rituals.model;

/** A ritual run was queued (CDI event); once its transaction commits, its batch job is started. */
public record RitualRunQueued(long runId) {
}
