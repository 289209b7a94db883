package dev.helix.web.portal;

import dev.helix.agents.model.Agent;
import dev.helix.agents.model.AgentProfile;
import dev.helix.agents.service.AgentGallery;
import dev.helix.agents.service.AgentPool;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The agent gallery page: every profile and the pool's agents. */
@Named
@RequestScoped
public class AgentGalleryPage {

    @Inject
    AgentGallery gallery;

    @Inject
    AgentPool pool;

    public List<AgentProfile> getProfiles() {
        return gallery.profiles();
    }

    public List<Agent> getAgents() {
        return pool.agents();
    }
}
