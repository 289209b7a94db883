package dev.helix.providers.service;

import dev.helix.providers.internal.OfflineRelay;
import dev.helix.providers.model.ProviderType;
import dev.helix.providers.model.ProviderUnavailableException;
import dev.helix.providers.model.RegisteredProvider;
import dev.helix.providers.model.RelayAnswer;
import dev.helix.providers.model.RelayRequest;
import dev.helix.providers.outbound.OpenAiRelay;
import dev.helix.secrets.service.SecretVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passes requests of OpenAI's protocol on to registered providers as they are, for the gateway: the offline provider
 * answers itself, an endpoint through its {@link OpenAiRelay}. A relay is built once per version of a registration;
 * whether the registration changed (on any server) is read again at most every {@link #FRESH_FOR}, so a request costs
 * no database read and a new URL or key takes effect within that time.
 */
@ApplicationScoped
public class ProviderRelays {

    static final Duration FRESH_FOR = Duration.ofSeconds(2);

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretVault vault;

    private final OfflineRelay offline = new OfflineRelay();
    private final Map<String, Relay> relays = new ConcurrentHashMap<>();

    /** The relay of one version of a registration; {@code client} is {@code null} for the offline provider. */
    private record Relay(Instant registered, long version, long checkedAt, OpenAiRelay client) {

        boolean serves(RegisteredProvider provider) {
            return registered.equals(provider.getCreatedAt()) && version == provider.getVersion();
        }

        Relay checked(long now) {
            return new Relay(registered, version, now, client);
        }
    }

    /** Sends the request to its provider; a provider that is not registered (any more) is unavailable. */
    public RelayAnswer send(RelayRequest request) {
        Relay relay = relay(request.provider());
        return relay.client() == null ? offline.send(request) : relay.client().send(request);
    }

    private Relay relay(String name) {
        long now = System.nanoTime();
        Relay known = relays.get(name);
        if (known != null && now - known.checkedAt() < FRESH_FOR.toNanos()) {
            return known;
        }
        RegisteredProvider provider = em.find(RegisteredProvider.class, name);
        if (provider == null) {
            relays.remove(name);
            throw new ProviderUnavailableException("Model provider '" + name + "' is not registered any more");
        }
        Relay fresh = known != null && known.serves(provider) ? known.checked(now)
                : new Relay(provider.getCreatedAt(), provider.getVersion(), now, provider.getType() == ProviderType.OFFLINE ? null
                        : new OpenAiRelay(provider, provider.hasApiKey() ? vault.reveal(provider.getApiKeySecret()) : null));
        relays.put(name, fresh);
        return fresh;
    }
}
