package dev.helix.metering.model;

/**
 * What an administrator asks for: a budget of {@code tokens} per {@code period} for a user or for the API key with
 * the prefix {@code keyPrefix} (one of the two).
 */
public record BudgetDefinition(String user, String keyPrefix, BudgetPeriod period, long tokens) {
}
