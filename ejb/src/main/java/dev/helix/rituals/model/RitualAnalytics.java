package dev.helix.rituals.model;

import java.util.List;

/**
 * A ritual's record over its recent runs (dry runs left out).
 *
 * @param runs            runs counted
 * @param completed       of them completed
 * @param failed          of them failed
 * @param successRate     completed / ended, 0 to 1
 * @param averageMillis   mean duration of the completed runs
 * @param recentOutcomes  the newest runs' statuses, oldest first: the outcome trend
 * @param recentDurations the newest runs' durations in milliseconds, oldest first: the duration trend
 */
public record RitualAnalytics(int runs, int completed, int failed, double successRate, long averageMillis,
                              List<String> recentOutcomes, List<Long> recentDurations) {
}
