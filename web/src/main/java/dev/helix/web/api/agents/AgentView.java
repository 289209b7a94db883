package dev.helix.web.api.agents;

import dev.helix.agents.model.Agent;
import dev.helix.agents.model.AgentStatus;
import java.time.Instant;

/** An agent instance with its per-agent metrics; {@code statusReason} says why it is FAILED. */
public record AgentView(long id, String name, String role, AgentStatus status, String statusReason, Long currentTaskId,
                        Instant createdAt, Instant lastHeartbeatAt, Instant lastActiveAt, long tasksCompleted, long tasksFailed,
                        long stepsCompleted, long tokensUsed, double averageStepMillis, double errorRate) {

    public static AgentView of(Agent a) {
        return new AgentView(a.getId(), a.getName(), a.getRole(), a.getStatus(), a.getStatusReason(), a.getCurrentTaskId(),
                a.getCreatedAt(), a.getLastHeartbeatAt(), a.getLastActiveAt(), a.getTasksCompleted(), a.getTasksFailed(),
                a.getStepsCompleted(), a.getTokensUsed(), a.averageStepMillis(), a.errorRate());
    }
}
