package dev.helix.rituals.model;

/** Where a ritual run stands. */
public enum RitualRunStatus {
    QUEUED, STARTING, RUNNING, COMPLETED, FAILED
}
