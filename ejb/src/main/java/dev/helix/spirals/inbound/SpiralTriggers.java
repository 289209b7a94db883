package dev.helix.spirals.inbound;

import dev.helix.shared.model.FleetEvent;
import dev.helix.scheduling.model.ScheduleFired;
import dev.helix.spirals.service.SpiralCatalog;
import dev.helix.spirals.service.SpiralRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns domain events and schedule fires into spiral runs. Events are observed inside the transaction that
 * caused them (not from the events topic, which every server hears and which may lose an event to a crash): the
 * run is queued in the same commit as the task change, so an event-triggered spiral runs exactly once.
 */
@ApplicationScoped
public class SpiralTriggers {

    @Inject
    SpiralRuns runs;

    void onFleetEvent(@Observes FleetEvent event) {
        if (event.type() == FleetEvent.Type.TASK_STATUS_CHANGED && event.taskId() != null) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("taskId", event.taskId().toString());
            fields.put("status", event.status());
            runs.onEvent(event, fields);
        }
    }

    void onSchedule(@Observes ScheduleFired fired) {
        SpiralCatalog.spiralOf(fired).ifPresent(id -> runs.onSchedule(id, fired.at()));
    }
}
