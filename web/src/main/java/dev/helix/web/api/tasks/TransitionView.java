package dev.helix.web.api.tasks;

import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.model.TaskTransition;
import java.time.Instant;

/** One entry of a task's history. */
public record TransitionView(TaskStatus from, TaskStatus to, String actor, Instant at, String note) {

    public static TransitionView of(TaskTransition t) {
        return new TransitionView(t.getFrom(), t.getTo(), t.getActor(), t.getAt(), t.getNote());
    }
}
