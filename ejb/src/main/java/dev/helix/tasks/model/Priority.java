package dev.helix.tasks.model;

/** How urgent a task is; higher priorities are dispatched first. */
public enum Priority {
    LOW(2), MEDIUM(4), HIGH(7), CRITICAL(9);

    private final int messagePriority;

    Priority(int messagePriority) {
        this.messagePriority = messagePriority;
    }

    /** The Jakarta Messaging priority (0..9) a work order of this priority travels with. */
    public int messagePriority() {
        return messagePriority;
    }
}
