package dev.helix.providers.model;

/**
 * What an agent asks its model for when it writes or revises a task's spec.
 *
 * @param title    the task's title
 * @param prompt   what the requester asked for
 * @param previous the documents of the previous round, or {@code null} on the first draft
 * @param feedback the reviewer's comment that the revision must address, or {@code null}
 */
public record SpecRequest(String title, String prompt, SpecDraft previous, String feedback) {
}
