package dev.helix.tasks.model;

import java.util.List;

/**
 * Where work on a checklist stands: the current item (the first in progress, else the first pending;
 * none when everything is done), the two items before and after it, and the counts.
 */
public record ChecklistProgress(ChecklistItem current, List<ChecklistItem> before, List<ChecklistItem> after,
                                int done, int total) {
}
