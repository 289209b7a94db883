package dev.helix.rituals.model;

import java.util.List;

/**
 * What an administrator changes of a ritual (or composes, for a new custom one); {@code null} keeps a value.
 *
 * @param cron        the schedule; blank removes it
 * @param enabled     whether the schedule fires
 * @param description what the ritual is for (custom rituals)
 * @param stages      the registered stages it runs, in order (custom rituals)
 */
public record RitualChange(String cron, Boolean enabled, String description, List<String> stages) {
}
