package dev.helix.providers.service;

import dev.helix.providers.model.ProviderCheck;
import dev.helix.providers.model.ProviderDefinition;
import dev.helix.providers.model.ProviderType;
import dev.helix.providers.model.RegisteredProvider;
import dev.helix.secrets.service.SecretVault;
import dev.helix.shared.error.ConcurrentChangeException;
import dev.helix.shared.error.ConflictException;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.error.NotFoundException;
import dev.helix.shared.model.Names;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The registered model providers: administrators add, change, test and remove them. An endpoint's API key goes to
 * the secret vault and is never read back out through here. The built-in offline provider can be neither changed
 * nor removed.
 */
@Stateless
public class ProviderCatalog {

    /** How long a call may take when the definition does not say. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    /** How often a failed call is tried again when the definition does not say. */
    public static final int DEFAULT_RETRIES = 3;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int MAX_MODELS = 50;
    private static final int MAX_MODEL_NAME = 128;
    private static final int MAX_URL = 500;
    private static final Duration SHORTEST_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(30);
    private static final int MOST_RETRIES = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretVault vault;

    @Inject
    ProviderRegistry registry;

    public List<RegisteredProvider> all() {
        return em.createQuery("SELECT p FROM RegisteredProvider p ORDER BY p.builtIn DESC, p.name", RegisteredProvider.class)
                .getResultList();
    }

    public RegisteredProvider find(String name) {
        RegisteredProvider provider = name == null ? null : em.find(RegisteredProvider.class, name);
        if (provider == null) {
            throw new NotFoundException("Model provider", name);
        }
        return provider;
    }

    public RegisteredProvider register(ProviderDefinition definition) {
        if (definition.name() == null || !NAME.matcher(definition.name()).matches()) {
            throw new InvalidInputException("name must be 1 to 64 lower-case letters, digits or '-', starting with a letter or digit");
        }
        check(definition);
        if (em.find(RegisteredProvider.class, definition.name()) != null) {
            throw new ConflictException("A model provider named '" + definition.name() + "' is already registered");
        }
        RegisteredProvider provider = new RegisteredProvider(definition.name(), definition.type(), Instant.now());
        configure(provider, definition);
        em.persist(provider);
        ConcurrentChangeException.flush(em); // one registered the same name at the same moment: a 409
        return provider;
    }

    public RegisteredProvider update(String name, ProviderDefinition definition) {
        RegisteredProvider provider = changeable(name);
        if (definition.type() != provider.getType()) {
            throw new InvalidInputException("type cannot change (" + provider.getType() + "); register a new provider instead");
        }
        check(definition);
        configure(provider, definition);
        return provider;
    }

    /** Removes the provider and its key; refused while a profile is still bound to it or an alias deploys it. */
    public void delete(String name) {
        RegisteredProvider provider = changeable(name);
        if (provider.hasApiKey()) {
            vault.delete(provider.getApiKeySecret());
        }
        em.remove(provider);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new ConflictException("Model provider '" + name + "' is still bound to an agent profile or serves a gateway "
                    + "alias; bind the profile to another provider or change the alias first");
        }
        registry.forget(name);
    }

    /** Asks the provider for its models, once, without retries, and says how long it took. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ProviderCheck test(String name) {
        return registry.check(find(name));
    }

    private RegisteredProvider changeable(String name) {
        RegisteredProvider provider = find(name);
        if (provider.isBuiltIn()) {
            throw new ConflictException("The built-in model provider '" + name + "' cannot be changed or removed");
        }
        return provider;
    }

    private void configure(RegisteredProvider provider, ProviderDefinition definition) {
        provider.configure(definition.baseUrl().strip(), List.copyOf(definition.models()),
                definition.requestTimeout() == null ? DEFAULT_TIMEOUT : definition.requestTimeout(),
                definition.maxRetries(), Instant.now());
        String key = definition.apiKey();
        if (key == null) {
            return;
        }
        String secret = "provider." + provider.getName() + ".api-key";
        if (key.isEmpty()) {
            if (provider.hasApiKey()) {
                vault.delete(secret);
            }
            provider.keepApiKeyIn(null);
        } else {
            vault.put(secret, key);
            provider.keepApiKeyIn(secret);
        }
    }

    private static void check(ProviderDefinition definition) {
        if (definition.type() == null) {
            throw new InvalidInputException("type is required: " + ProviderType.OPENAI_COMPATIBLE);
        }
        if (definition.type() == ProviderType.OFFLINE) {
            throw new InvalidInputException("only the built-in provider 'offline' is OFFLINE; register endpoints as "
                    + ProviderType.OPENAI_COMPATIBLE);
        }
        checkUrl(definition.baseUrl());
        checkModels(definition.models());
        Duration timeout = definition.requestTimeout();
        if (timeout != null && (timeout.compareTo(SHORTEST_TIMEOUT) < 0 || timeout.compareTo(LONGEST_TIMEOUT) > 0)) {
            throw new InvalidInputException("requestTimeout must be between PT1S and PT30M");
        }
        if (definition.maxRetries() < 0 || definition.maxRetries() > MOST_RETRIES) {
            throw new InvalidInputException("maxRetries must be between 0 and " + MOST_RETRIES);
        }
    }

    private static void checkUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new InvalidInputException("baseUrl is required, e.g. http://127.0.0.1:8000/v1");
        }
        if (baseUrl.strip().length() > MAX_URL) {
            throw new InvalidInputException("baseUrl must have at most " + MAX_URL + " characters");
        }
        try {
            URI uri = new URI(baseUrl.strip());
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new InvalidInputException("baseUrl must be an http or https URL with a host and no credentials, "
                        + "query or fragment, e.g. https://api.openai.com/v1");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("baseUrl is not a URL: " + e.getReason());
        }
    }

    private static void checkModels(List<String> models) {
        if (models == null || models.isEmpty() || models.size() > MAX_MODELS) {
            throw new InvalidInputException("models must list the 1 to " + MAX_MODELS + " models the provider offers");
        }
        for (String model : models) {
            if (model == null || model.isBlank() || model.length() > MAX_MODEL_NAME || model.contains(",")
                    || !model.strip().equals(model)) {
                throw new InvalidInputException("each model is 1 to " + MAX_MODEL_NAME
                        + " characters without commas or surrounding spaces");
            }
            Names.require("models[]", model);
        }
        if (new HashSet<>(models).size() != models.size()) {
            throw new InvalidInputException("models must not list a model twice");
        }
    }
}
