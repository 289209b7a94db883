package dev.helix.tasks.service;

import dev.helix.tasks.model.Task;
import java.util.List;

/**
 * Recalls what the fleet learned on similar tasks, to put into an agent's context when it starts a task (the
 * memory context implements it). Asking again for the same task answers the same.
 */
public interface PriorLearnings {

    /** The texts of the memories recalled for the task, best first; empty when there are none. */
    List<String> recallFor(Task task);
}
