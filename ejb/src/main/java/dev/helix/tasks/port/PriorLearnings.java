package dev.helix.tasks.port;

import dev.helix.tasks.model.Task;
import java.util.List;

/**
 * Recalls what the fleet learned on similar tasks, to put into an agent's context when it starts a task (the
 * memory context implements it). Once memories were recalled for a task, asking again (a redelivered work
 * order, a revision) answers the same ones.
 */
public interface PriorLearnings {

    /** The texts of the memories recalled for the task, best first; empty when there are none. */
    List<String> recallFor(Task task);
}
