package dev.helix.web.api.agents;

import dev.helix.agents.model.AgentProfile;
import java.util.List;

/** An agent profile of the gallery. */
public record ProfileView(String role, String displayName, String description, List<String> capabilities,
                          String provider, String model, boolean builtIn) {

    public static ProfileView of(AgentProfile p) {
        return new ProfileView(p.getRole(), p.getDisplayName(), p.getDescription(), p.getCapabilities(),
                p.getProvider(), p.getModel(), p.isBuiltIn());
    }
}
