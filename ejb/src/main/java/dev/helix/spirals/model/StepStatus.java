package dev.helix.spirals.model;

/** Where one step of a run stands. */
public enum StepStatus {
    RUNNING, COMPLETED, FAILED, SKIPPED
}
