package dev.helix.spirals.model;

/** A run was queued (CDI event); once its transaction commits, its batch job is started. */
public record SpiralRunQueued(long runId) {
}
