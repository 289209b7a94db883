package dev.helix.spirals.model.definition;

import dev.helix.scheduling.model.CronSchedule;
import java.util.Map;

/**
 * What starts a spiral. An {@link TriggerType#EVENT} trigger names a domain event and a filter of its fields
 * (e.g. {@code {"status":"DONE"}} for a task reaching DONE); a {@link TriggerType#CRON} trigger has a schedule.
 *
 * @param type   the kind of trigger
 * @param event  the domain event's type (EVENT only), e.g. {@code TASK_STATUS_CHANGED}
 * @param filter field values the event must have (EVENT only); empty matches every event of the type
 * @param cron   the schedule (CRON only)
 */
public record Trigger(TriggerType type, String event, Map<String, String> filter, CronSchedule cron) {

    /** Whether an event of this type with these fields starts the spiral. */
    public boolean matches(String eventType, Map<String, String> fields) {
        return type == TriggerType.EVENT && event.equals(eventType)
                && filter.entrySet().stream().allMatch(f -> f.getValue().equalsIgnoreCase(fields.getOrDefault(f.getKey(), "")));
    }
}
