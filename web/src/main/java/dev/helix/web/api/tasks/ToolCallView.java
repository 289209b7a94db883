package dev.helix.web.api.tasks;

import dev.helix.tasks.model.ToolCall;
import java.time.Instant;

/** One tool call of a task's agent, as the activity lists it. */
public record ToolCallView(long id, String agent, String item, String tool, String arguments, String outcome,
                           boolean succeeded, long durationMs, Instant at) {

    public static ToolCallView of(ToolCall call) {
        return new ToolCallView(call.getId(), call.getAgentName(), call.getItem(), call.getTool(), call.getArguments(),
                call.getOutcome(), call.isSucceeded(), call.getDurationMs(), call.getAt());
    }
}
