package dev.helix.web.api.tasks;

import dev.helix.tasks.model.Decision;
import dev.helix.tasks.model.Gate;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/tasks/{id}/approvals}. */
public record DecisionRequest(
        @NotNull(message = "must be SPEC or IMPLEMENTATION") Gate gate,
        @NotNull(message = "must be APPROVE or REJECT") Decision decision,
        @Size(max = 4000, message = "must have at most 4000 characters") String comment) {
}
