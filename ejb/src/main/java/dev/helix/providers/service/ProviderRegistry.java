package dev.helix.providers.service;

import dev.helix.providers.internal.OfflineModelProvider;
import dev.helix.providers.internal.ReplayModel;
import dev.helix.providers.model.ProviderCheck;
import dev.helix.providers.model.ProviderType;
import dev.helix.providers.model.RegisteredProvider;
import dev.helix.providers.outbound.CircuitSettings;
import dev.helix.providers.outbound.OpenAiCompatibleModel;
import dev.helix.providers.port.ModelProvider;
import dev.helix.secrets.service.SecretVault;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.model.PositiveCount;
import dev.helix.shared.model.PositiveDuration;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The model provider an agent profile is bound to, by name: the built-in offline one, or a client of a registered
 * endpoint. A client is built once per version of its registration, so it keeps its circuit between calls and a
 * changed registration (a new URL or key) takes effect at the next call.
 */
@ApplicationScoped
public class ProviderRegistry {

    private static final Duration DEFAULT_OPEN_FOR = Duration.ofSeconds(30);

    @PersistenceContext
    EntityManager em;

    @Inject
    OfflineModelProvider offline;

    @Inject
    SecretVault vault;

    @Inject
    @ConfigProperty(name = "helix.providers.circuit.failures", defaultValue = "5")
    int failuresToOpen;

    @Inject
    @ConfigProperty(name = "helix.providers.circuit.open-for", defaultValue = "PT30S")
    Duration openFor;

    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    /**
     * A client of one version of a registration; {@code registered} tells a registration from an earlier one of the
     * same name, removed since, whose versions counted the same way.
     */
    private record Client(Instant registered, long version, OpenAiCompatibleModel model) {

        boolean serves(RegisteredProvider provider) {
            return registered.equals(provider.getCreatedAt()) && version == provider.getVersion();
        }
    }

    @PostConstruct
    void checkSettings() {
        openFor = PositiveDuration.checked("helix.providers.circuit.open-for", openFor, DEFAULT_OPEN_FOR);
        failuresToOpen = (int) PositiveCount.checked("helix.providers.circuit.failures", failuresToOpen, 5);
    }

    public ModelProvider byName(String name) {
        RegisteredProvider provider = name == null ? null : em.find(RegisteredProvider.class, name);
        if (provider == null) {
            throw new InvalidInputException("No model provider named '" + name + "' is registered; known: " + names());
        }
        return provider.getType() == ProviderType.OFFLINE ? offline : client(provider);
    }

    /**
     * A model that answers one step with the answers recorded for a step of an earlier run, in their order, calling
     * no provider; {@code source} names that step in messages.
     */
    public ModelProvider replaying(String source, List<String> answers) {
        return new ReplayModel(source, answers);
    }

    /** Refuses a binding to a provider that is not registered or does not offer the model. */
    public void checkBinding(String name, String model) {
        RegisteredProvider provider = name == null ? null : em.find(RegisteredProvider.class, name);
        if (provider == null) {
            throw new InvalidInputException("No model provider named '" + name + "' is registered; known: " + names());
        }
        if (!provider.offers(model)) {
            throw new InvalidInputException("Model provider '" + name + "' offers no model '" + model + "'; it offers "
                    + provider.getModels());
        }
    }

    public List<String> names() {
        return em.createQuery("SELECT p.name FROM RegisteredProvider p ORDER BY p.name", String.class).getResultList();
    }

    /** {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}: whether calls reach the provider now. */
    public String circuitState(RegisteredProvider provider) {
        Client current = clients.get(provider.getName());
        return current == null || !current.serves(provider) ? "CLOSED" : current.model().circuitState();
    }

    ProviderCheck check(RegisteredProvider provider) {
        if (provider.getType() == ProviderType.OFFLINE) {
            return new ProviderCheck(provider.getName(), true, 0, provider.getModels(), List.of(), null);
        }
        return client(provider).check(provider.getModels());
    }

    /** Forgets the client of a removed provider, with its key. */
    void forget(String name) {
        clients.remove(name);
    }

    private OpenAiCompatibleModel client(RegisteredProvider provider) {
        Client current = clients.get(provider.getName());
        if (current != null && current.serves(provider)) {
            return current.model();
        }
        String apiKey = provider.hasApiKey() ? vault.reveal(provider.getApiKeySecret()) : null;
        Client fresh = new Client(provider.getCreatedAt(), provider.getVersion(), new OpenAiCompatibleModel(provider, apiKey,
                new CircuitSettings(failuresToOpen, openFor)));
        return clients.compute(provider.getName(), (name, now) -> now != null && now.serves(provider) ? now : fresh).model();
    }
}
