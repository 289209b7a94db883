package dev.helix.tasks.model;

/**
 * One item of an implementation plan's checklist.
 *
 * @param index position among the checklist items, from 0
 * @param line  line of the markdown document it stands on, from 0
 * @param state pending, in progress or done
 * @param text  the item's text without its marker
 */
public record ChecklistItem(int index, int line, ItemState state, String text) {
}
