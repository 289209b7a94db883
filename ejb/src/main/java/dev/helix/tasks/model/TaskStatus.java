package dev.helix.tasks.model;

/** The states of a spec-driven task (C2). */
public enum TaskStatus {
    BACKLOG,
    SPEC_GENERATION,
    SPEC_REVIEW,
    SPEC_REVISION,
    SPEC_APPROVED,
    IMPLEMENTATION_QUEUED,
    IMPLEMENTATION,
    IMPLEMENTATION_REVIEW,
    DONE,
    SPEC_FAILED,
    IMPLEMENTATION_FAILED,
    CANCELLED;

    /** True for the states a task never leaves. */
    public boolean isTerminal() {
        return this == DONE || this == SPEC_FAILED || this == IMPLEMENTATION_FAILED || this == CANCELLED;
    }

    /** True in the states an agent advances a task from, one work order at a time. */
    public boolean awaitsWorkOrder() {
        return !isTerminal() && !awaitsDecision();
    }

    /** True while a human gate waits for a decision. */
    public boolean awaitsDecision() {
        return this == SPEC_REVIEW || this == IMPLEMENTATION_REVIEW;
    }
}
