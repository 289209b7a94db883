package dev.helix.web.api.agents;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/v1/agents/profiles} and {@code PUT /api/v1/agents/profiles/{role}}. */
public record ProfileRequest(
        String role,
        @NotBlank(message = "must not be blank") @Size(max = 128, message = "must have at most 128 characters") String displayName,
        @NotBlank(message = "must not be blank") @Size(max = 2000, message = "must have at most 2000 characters") String description,
        @NotNull(message = "must list the profile's capabilities") @Size(min = 1, max = 32, message = "must list 1 to 32 capabilities") List<String> capabilities,
        @NotBlank(message = "must name a model provider, e.g. offline") String provider,
        @NotBlank(message = "must name a model") @Size(max = 128, message = "must have at most 128 characters") String model) {
}
