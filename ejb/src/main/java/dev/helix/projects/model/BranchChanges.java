package dev.helix.projects.model;

import java.util.List;

/**
 * What a task's branch changes against the default branch, as a reviewer reads it: the branch, the commit it forked
 * from ({@code base}), the files, and the unified diff ({@code diffCut} when it was too long to give whole).
 */
public record BranchChanges(String branch, String base, String head, List<ChangedFile> files, String diff,
                            boolean diffCut) {
}
