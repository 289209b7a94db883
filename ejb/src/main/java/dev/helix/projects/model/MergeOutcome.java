package dev.helix.projects.model;

import java.util.List;

/**
 * What came of merging a task's branch into the default branch: the merge commit, or the files that conflicted (the
 * default branch then stays as it was, and the task's worktree holds the merge with its conflict markers).
 */
public record MergeOutcome(String commit, List<String> conflicts) {

    public static MergeOutcome merged(String commit) {
        return new MergeOutcome(commit, List.of());
    }

    public static MergeOutcome conflicted(List<String> paths) {
        return new MergeOutcome(null, List.copyOf(paths));
    }

    public boolean isMerged() {
        return commit != null;
    }
}
