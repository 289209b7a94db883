package dev.helix.agents.model;

/** The running totals of steps completed and tokens spent, over every agent ever started. */
public record WorkTotals(long steps, long tokens) {
}
