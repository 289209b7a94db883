package dev.helix.tasks.model;

import java.time.Duration;

/**
 * What an agent may spend on one checklist item, and on its whole task, before its work is stopped as a runaway:
 * tool calls, the tokens its model spends, and (for an item) wall time.
 */
public record ToolBudgets(int itemCalls, long itemTokens, Duration itemTime, int taskCalls, long taskTokens) {

    /** How many times in a row the same call (same tool, same arguments) may come before it counts as a loop. */
    public static final int REPEATS = 3;
}
