package dev.helix.web.api.agents;

import dev.helix.agents.model.AgentStatus;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/agents} (role required) and {@code PUT /api/v1/agents/{id}} (name and/or status). */
public record AgentRequest(
        @Size(max = 64, message = "must have at most 64 characters") String role,
        @Size(max = 128, message = "must have at most 128 characters") String name,
        AgentStatus status) {
}
