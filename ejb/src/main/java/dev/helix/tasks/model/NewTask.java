package dev.helix.tasks.model;

/** What a requester asks for when creating a task. */
public record NewTask(String title, String prompt, Priority priority, boolean justDoIt) {
}
