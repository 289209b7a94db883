package dev.helix.messaging;

import dev.helix.shared.model.FleetEvent;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * The JSON envelope of a fleet event on the events topic, e.g.
 * {@code {"type":"TASK_STATUS_CHANGED","taskId":42,"agentId":7,"status":"SPEC_REVIEW","detail":"...","at":"..."}}.
 */
public final class FleetEventCodec {

    private FleetEventCodec() {
    }

    public static String encode(FleetEvent event) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("type", event.type().name());
        if (event.taskId() != null) {
            json.add("taskId", event.taskId());
        }
        if (event.agentId() != null) {
            json.add("agentId", event.agentId());
        }
        if (event.status() != null) {
            json.add("status", event.status());
        }
        if (event.detail() != null) {
            json.add("detail", event.detail());
        }
        return json.add("at", event.at().toString()).build().toString();
    }
}
