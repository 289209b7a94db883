package dev.helix.providers.model;

/** What an agent reports after working on one checklist item, and the tokens spent. */
public record StepResult(String summary, long tokens) {
}
