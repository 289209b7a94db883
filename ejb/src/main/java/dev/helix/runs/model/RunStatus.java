package dev.helix.runs.model;

/**
 * Where a run carried by a batch job stands (a spiral's or a ritual's). QUEUED runs wait for their job to be
 * started or restarted; STARTING ones have been claimed for that.
 */
public enum RunStatus {
    QUEUED, STARTING, RUNNING, STOPPING, COMPLETED, FAILED, STOPPED;

    /** A run that may be restarted: it failed or was stopped. */
    public boolean restartable() {
        return this == FAILED || this == STOPPED;
    }

    /** A run that has not ended: queued, starting, running or stopping. */
    public boolean underWay() {
        return this == QUEUED || this == STARTING || this == RUNNING || this == STOPPING;
    }

    /** A run that a stop request applies to. */
    public boolean stoppable() {
        return this == QUEUED || this == STARTING || this == RUNNING;
    }
}
