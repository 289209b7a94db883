package dev.helix.scheduling.model;

/**
 * The schedule under a key may have changed (CDI event, inside the transaction that changed it); its timer follows
 * once that transaction has committed.
 *
 * @param key the schedule, e.g. {@code spiral:12} or {@code ritual:z-88}
 */
public record ScheduleChanged(String key) {
}
