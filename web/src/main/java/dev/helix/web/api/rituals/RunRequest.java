package dev.helix.web.api.rituals;

/**
 * How to run a ritual now.
 *
 * @param dryRun true: validate and report what would be done, change nothing
 * @param steps  27, 54, 108 or 216 for rituals that take a step count (Z-88); absent: the ritual's default
 */
public record RunRequest(Boolean dryRun, Integer steps) {
}
