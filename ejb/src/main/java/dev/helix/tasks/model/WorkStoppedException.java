package dev.helix.tasks.model;

/**
 * An agent's work on an item was stopped by Helix, not by a fault: a budget ran out, or the model repeated the same
 * tool call as if in a loop. Trying again would end the same way, so the task fails with the reason.
 */
public class WorkStoppedException extends RuntimeException {

    public WorkStoppedException(String message) {
        super(message);
    }
}
