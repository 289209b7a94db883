package dev.helix.tasks.service;

import dev.helix.shared.error.ConflictException;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * Approving a task's implementation found its branch in conflict with the default branch. Unlike other refusals it
 * does not undo its transaction: the task has gone back to IMPLEMENTATION, with the conflict to resolve as its next
 * checklist item.
 */
@ApplicationException(rollback = false)
public class MergeConflictException extends ConflictException {

    private final List<String> paths;

    public MergeConflictException(String message, List<String> paths) {
        super(message);
        this.paths = List.copyOf(paths);
    }

    public List<String> paths() {
        return paths;
    }

    @Override
    public String problemType() {
        return "merge-conflict";
    }

    @Override
    public String title() {
        return "The branch conflicts with the default branch";
    }
}
