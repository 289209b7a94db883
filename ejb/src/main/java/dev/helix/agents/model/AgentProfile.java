package dev.helix.agents.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.List;

/**
 * An entry of the agent gallery: a role with its description, the capabilities (tools) its agents
 * may use, and the model provider and model it thinks through by default.
 */
@Entity
@Table(name = "agent_profile")
public class AgentProfile {

    @Id
    private String role;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false, length = 2000)
    private String description;

    /** Comma-separated capability names. */
    @Column(nullable = false, length = 1000)
    private String capabilities;

    @Column(nullable = false)
    private String provider;

    @Column(nullable = false)
    private String model;

    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    @Version
    private long version;

    protected AgentProfile() {
    }

    public AgentProfile(String role, String displayName, String description, List<String> capabilities,
                        String provider, String model) {
        this.role = role;
        update(displayName, description, capabilities, provider, model);
    }

    /** Edits everything but the role, which names the profile. */
    public void update(String displayName, String description, List<String> capabilities, String provider,
                       String model) {
        this.displayName = displayName;
        this.description = description;
        this.capabilities = String.join(",", capabilities);
        this.provider = provider;
        this.model = model;
    }

    public String getRole() {
        return role;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getDescription() {
        return description;
    }

    public List<String> getCapabilities() {
        return capabilities.isBlank() ? List.of() : Arrays.stream(capabilities.split(",")).map(String::strip).toList();
    }

    public boolean hasCapability(String capability) {
        return getCapabilities().contains(capability);
    }

    public String getProvider() {
        return provider;
    }

    public String getModel() {
        return model;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }

    public long getVersion() {
        return version;
    }
}
