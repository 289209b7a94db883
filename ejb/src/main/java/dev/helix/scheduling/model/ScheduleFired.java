package dev.helix.scheduling.model;

import java.time.Instant;

/**
 * A persistent schedule's timer fired (CDI event, inside the timer's transaction).
 *
 * @param key the schedule, e.g. {@code spiral:12} or {@code ritual:z-88}
 * @param at  the minute it fired for
 */
public record ScheduleFired(String key, Instant at) {
}
