package dev.helix.tasks.model;

import java.util.Arrays;
import java.util.Optional;

/** The human approval gates of a task. */
public enum Gate {
    SPEC(TaskStatus.SPEC_REVIEW, TaskStatus.SPEC_APPROVED, TaskStatus.SPEC_REVISION),
    IMPLEMENTATION(TaskStatus.IMPLEMENTATION_REVIEW, TaskStatus.DONE, TaskStatus.IMPLEMENTATION);

    private final TaskStatus reviewState;
    private final TaskStatus approvedState;
    private final TaskStatus rejectedState;

    Gate(TaskStatus reviewState, TaskStatus approvedState, TaskStatus rejectedState) {
        this.reviewState = reviewState;
        this.approvedState = approvedState;
        this.rejectedState = rejectedState;
    }

    /** The state in which this gate can be decided. */
    public TaskStatus reviewState() {
        return reviewState;
    }

    /** The gate a task in {@code status} waits at; empty when it waits for no decision. */
    public static Optional<Gate> awaitedIn(TaskStatus status) {
        return Arrays.stream(values()).filter(gate -> gate.reviewState == status).findFirst();
    }

    /** Where a decision at this gate sends the task. */
    public TaskStatus outcome(Decision decision) {
        return decision == Decision.APPROVE ? approvedState : rejectedState;
    }
}
