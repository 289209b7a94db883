package dev.helix.tasks.model;

import dev.helix.shared.error.ConflictException;

/** A state change the task lifecycle does not allow from the task's current state. */
public class IllegalTransitionException extends ConflictException {

    public IllegalTransitionException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "illegal-transition";
    }

    @Override
    public String title() {
        return "Illegal task state transition";
    }
}
