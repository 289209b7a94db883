package dev.helix.providers.model;

import java.util.List;

/**
 * What an agent asks its model for when it writes or revises a task's spec.
 *
 * @param title    the task's title
 * @param prompt   what the requester asked for
 * @param previous the documents of the previous round, or {@code null} on the first draft
 * @param feedback the reviewer's comment that the revision must address, or {@code null}
 * @param learnings what the fleet learned on similar tasks, recalled from memory (C4), best first
 */
public record SpecRequest(String title, String prompt, SpecDraft previous, String feedback, List<String> learnings) {

    public SpecRequest {
        learnings = learnings == null ? List.of() : List.copyOf(learnings);
    }
}
