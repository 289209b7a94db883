package dev.helix.spirals.model;

/** Where a spiral run stands. QUEUED runs wait for their batch job to be started. */
public enum RunStatus {
    QUEUED, STARTING, RUNNING, STOPPING, COMPLETED, FAILED, STOPPED;

    /** A run that may be restarted: it failed or was stopped. */
    public boolean restartable() {
        return this == FAILED || this == STOPPED;
    }

    /** A run whose batch job is (or is about to be) running. */
    public boolean active() {
        return this == STARTING || this == RUNNING || this == STOPPING;
    }
}
