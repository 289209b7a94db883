package dev.helix.providers.model;

/** Requirements, technical design and implementation plan (markdown), and the tokens spent on them. */
public record SpecDraft(String requirements, String design, String plan, long tokens) {
}
