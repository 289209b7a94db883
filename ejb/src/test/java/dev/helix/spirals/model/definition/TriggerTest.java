package dev.helix.spirals.model.definition;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.scheduling.model.CronSchedule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerTest {

    private static final String STATUS_CHANGED = "TASK_STATUS_CHANGED";

    private static Trigger event(String type, Map<String, String> filter) {
        return new Trigger(TriggerType.EVENT, type, filter, null);
    }

    @Test
    void matchesAnEventOfItsTypeWhoseFieldsPassTheFilter() {
        Trigger trigger = event(STATUS_CHANGED, Map.of("status", "DONE"));

        assertTrue(trigger.matches(STATUS_CHANGED, Map.of("status", "DONE", "taskId", "7")));
        assertFalse(trigger.matches(STATUS_CHANGED, Map.of("status", "IMPLEMENTATION", "taskId", "7")));
        assertFalse(trigger.matches(STATUS_CHANGED, Map.of("taskId", "7")));
        assertFalse(trigger.matches("TASK_PROGRESSED", Map.of("status", "DONE")));
    }

    @Test
    void comparesFilterValuesIgnoringCase() {
        assertTrue(event(STATUS_CHANGED, Map.of("status", "done")).matches(STATUS_CHANGED, Map.of("status", "DONE")));
        assertTrue(event(STATUS_CHANGED, Map.of("status", "DONE")).matches(STATUS_CHANGED, Map.of("status", "Done")));
    }

    @Test
    void needsEveryFilterFieldToMatch() {
        Trigger trigger = event("AGENT_STATUS_CHANGED", Map.of("status", "FAILED", "agent", "coder-1"));

        assertTrue(trigger.matches("AGENT_STATUS_CHANGED", Map.of("status", "failed", "agent", "coder-1")));
        assertFalse(trigger.matches("AGENT_STATUS_CHANGED", Map.of("status", "FAILED", "agent", "coder-2")));
        assertFalse(trigger.matches("AGENT_STATUS_CHANGED", Map.of("status", "FAILED")));
    }

    @Test
    void anEmptyFilterMatchesEveryEventOfTheType() {
        Trigger trigger = event(STATUS_CHANGED, Map.of());

        assertTrue(trigger.matches(STATUS_CHANGED, Map.of()));
        assertTrue(trigger.matches(STATUS_CHANGED, Map.of("status", "CANCELLED")));
        assertFalse(trigger.matches("TASK_PROGRESSED", Map.of()));
    }

    @Test
    void triggersOtherThanEventsNeverMatchAnEvent() {
        Map<String, String> fields = Map.of("status", "DONE");

        assertFalse(new Trigger(TriggerType.MANUAL, null, Map.of(), null).matches(STATUS_CHANGED, fields));
        assertFalse(new Trigger(TriggerType.WEBHOOK, null, Map.of(), null).matches(STATUS_CHANGED, fields));
        assertFalse(new Trigger(TriggerType.CRON, null, Map.of(), CronSchedule.parse("0 * * * *"))
                .matches(STATUS_CHANGED, fields));
        assertFalse(new Trigger(TriggerType.MANUAL, STATUS_CHANGED, Map.of(), null).matches(STATUS_CHANGED, fields));
    }
}
