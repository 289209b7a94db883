package dev.helix.tasks.model;

import static dev.helix.tasks.model.TaskStatus.*;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one place that knows which status changes are legal and applies them (C2).
 * Every change produces a {@link TaskTransition} to record.
 */
public final class TaskLifecycle {

    private static final Map<TaskStatus, Set<TaskStatus>> LEGAL = new EnumMap<>(TaskStatus.class);

    static {
        LEGAL.put(BACKLOG, EnumSet.of(SPEC_GENERATION, IMPLEMENTATION_QUEUED, SPEC_FAILED, IMPLEMENTATION_FAILED, CANCELLED));
        LEGAL.put(SPEC_GENERATION, EnumSet.of(SPEC_REVIEW, SPEC_FAILED, CANCELLED));
        LEGAL.put(SPEC_REVIEW, EnumSet.of(SPEC_APPROVED, SPEC_REVISION, CANCELLED));
        LEGAL.put(SPEC_REVISION, EnumSet.of(SPEC_REVIEW, SPEC_FAILED, CANCELLED));
        LEGAL.put(SPEC_APPROVED, EnumSet.of(IMPLEMENTATION_QUEUED, IMPLEMENTATION_FAILED, CANCELLED));
        LEGAL.put(IMPLEMENTATION_QUEUED, EnumSet.of(IMPLEMENTATION, IMPLEMENTATION_FAILED, CANCELLED));
        LEGAL.put(IMPLEMENTATION, EnumSet.of(IMPLEMENTATION_REVIEW, IMPLEMENTATION_FAILED, CANCELLED));
        LEGAL.put(IMPLEMENTATION_REVIEW, EnumSet.of(DONE, IMPLEMENTATION, CANCELLED));
        for (TaskStatus terminal : EnumSet.of(DONE, SPEC_FAILED, IMPLEMENTATION_FAILED, CANCELLED)) {
            LEGAL.put(terminal, EnumSet.noneOf(TaskStatus.class));
        }
    }

    private TaskLifecycle() {
    }

    /** Whether a task may move from one status to another. */
    public static boolean allows(TaskStatus from, TaskStatus to) {
        return LEGAL.get(from).contains(to);
    }

    /** Moves the task, or throws {@link IllegalTransitionException} if the move is not legal. */
    public static TaskTransition move(Task task, TaskStatus to, String actor, String note, Instant at) {
        TaskStatus from = task.getStatus();
        if (!allows(from, to)) {
            throw new IllegalTransitionException(
                    "Task " + task.getId() + " cannot move from " + from + " to " + to);
        }
        task.setStatus(to, at);
        return new TaskTransition(task.getId(), from, to, actor, at, note);
    }

    /** The first entry of a new task's history. */
    public static TaskTransition created(Task task, String actor, Instant at) {
        return new TaskTransition(task.getId(), null, BACKLOG, actor, at, "created");
    }

    /** The status a reviewer's decision at a gate leads to; the task must be waiting at that gate. */
    public static TaskStatus outcomeOf(Task task, Gate gate, Decision decision) {
        if (task.getStatus() != gate.reviewState()) {
            throw new IllegalTransitionException("The " + gate + " gate can only be decided while task "
                    + task.getId() + " is in " + gate.reviewState() + "; it is " + task.getStatus());
        }
        return gate.outcome(decision);
    }

    /** The failed state a task falls into when work on it gives up in its current status. */
    public static TaskStatus failureOf(Task task) {
        return switch (task.getStatus()) {
            case BACKLOG -> task.isJustDoIt() ? IMPLEMENTATION_FAILED : SPEC_FAILED;
            case SPEC_GENERATION, SPEC_REVISION -> SPEC_FAILED;
            case SPEC_APPROVED, IMPLEMENTATION_QUEUED, IMPLEMENTATION -> IMPLEMENTATION_FAILED;
            default -> throw new IllegalTransitionException(
                    "Task " + task.getId() + " in " + task.getStatus() + " has no work that can fail");
        };
    }
}
