package dev.helix.web.api.tasks;

import java.util.Map;

/**
 * A task's documents as a commit of the {@code helix-specs} branch holds them; a document not yet written is absent.
 *
 * @param task the task's own file: title, status and what was asked
 */
public record DocumentsView(String commit, String task, String requirements, String design, String plan) {

    static DocumentsView of(String commit, Map<String, String> files) {
        return new DocumentsView(commit, files.get("task.md"), files.get("requirements.md"), files.get("design.md"),
                files.get("plan.md"));
    }
}
