package dev.helix.agents.service;

import dev.helix.agents.model.AgentProfile;
import dev.helix.providers.service.ProviderRegistry;
import dev.helix.shared.error.ConflictException;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.model.Names;
import dev.helix.shared.error.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.regex.Pattern;

/** The gallery of agent profiles: the built-in ones seeded by migration, edited and extended by users. */
@Stateless
public class AgentGallery {

    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    /** The most characters a profile's capabilities take together, commas between them included. */
    private static final int MAX_CAPABILITIES = 1000;
    private static final Pattern CAPABILITY = Pattern.compile("[a-z][a-z0-9.-]{1,63}");

    @PersistenceContext
    EntityManager em;

    @Inject
    ProviderRegistry providers;

    public List<AgentProfile> profiles() {
        return em.createQuery("SELECT p FROM AgentProfile p ORDER BY p.builtIn DESC, p.role", AgentProfile.class)
                .getResultList();
    }

    public AgentProfile profile(String role) {
        AgentProfile profile = em.find(AgentProfile.class, role);
        if (profile == null) {
            throw new NotFoundException("Agent profile", role);
        }
        return profile;
    }

    /** Roles whose profile has the capability, in a stable order (the pool tries them in this order). */
    public List<String> rolesWith(String capability) {
        return profiles().stream().filter(p -> p.hasCapability(capability)).map(AgentProfile::getRole).sorted().toList();
    }

    public AgentProfile add(String role, String displayName, String description, List<String> capabilities,
                            String provider, String model) {
        if (role == null || !ROLE.matcher(role).matches()) {
            throw new InvalidInputException("role must be 2-64 lower-case letters, digits or '-', starting with a letter");
        }
        if (em.find(AgentProfile.class, role) != null) {
            throw new ConflictException("An agent profile with role '" + role + "' already exists");
        }
        check(displayName, capabilities, provider, model);
        AgentProfile profile = new AgentProfile(role, displayName, description, capabilities, provider, model);
        em.persist(profile);
        return profile;
    }

    public AgentProfile update(String role, String displayName, String description, List<String> capabilities,
                               String provider, String model) {
        check(displayName, capabilities, provider, model);
        AgentProfile profile = profile(role);
        profile.update(displayName, description, capabilities, provider, model);
        return profile;
    }

    private void check(String displayName, List<String> capabilities, String provider, String model) {
        Names.require("displayName", displayName);
        if (String.join(",", capabilities).length() > MAX_CAPABILITIES) {
            throw new InvalidInputException("capabilities take at most " + MAX_CAPABILITIES + " characters together");
        }
        for (String capability : capabilities) {
            if (!CAPABILITY.matcher(capability).matches()) {
                throw new InvalidInputException("Capability '" + capability
                        + "' must be lower-case letters, digits, '.' or '-', starting with a letter");
            }
        }
        providers.checkBinding(provider, model);
    }
}
