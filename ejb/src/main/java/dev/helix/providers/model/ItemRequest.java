package dev.helix.providers.model;

/**
 * What an agent asks its model to do for one checklist item of a task's plan.
 *
 * @param title  the task's title
 * @param prompt what the requester asked for
 * @param design the task's technical design, or {@code null} where it has none
 * @param item   the checklist item to work on
 */
public record ItemRequest(String title, String prompt, String design, String item) {

    /** What the checklist item starts with that Helix adds when a task's branch conflicts with its default branch. */
    public static final String RESOLVE_CONFLICT = "Resolve the merge conflict";
}
