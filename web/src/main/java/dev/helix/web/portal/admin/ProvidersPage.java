package dev.helix.web.portal.admin;

import dev.helix.identity.model.Permission;
import dev.helix.providers.model.ProviderCheck;
import dev.helix.providers.model.ProviderDefinition;
import dev.helix.providers.model.ProviderType;
import dev.helix.providers.model.RegisteredProvider;
import dev.helix.providers.service.ProviderCatalog;
import dev.helix.providers.service.ProviderRegistry;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.portal.ActionPermission;
import dev.helix.web.portal.PortalMessages;
import dev.helix.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;

/**
 * The model providers page: the registered providers with their state, registering an OpenAI-compatible endpoint
 * (its API key goes to the secret vault and is never shown), testing one, and removing one.
 */
@Named
@RequestScoped
public class ProvidersPage {

    @Inject
    ProviderCatalog catalog;

    @Inject
    ProviderRegistry registry;

    @Inject
    ActionPermission permission;

    @Inject
    Caller caller;

    @Inject
    PortalMessages messages;

    @Inject
    AuditContext audit;

    private String name;
    private String baseUrl;
    private String apiKey;
    private String models;
    private String requestTimeout = ProviderCatalog.DEFAULT_TIMEOUT.toString();
    private int maxRetries = ProviderCatalog.DEFAULT_RETRIES;

    public List<RegisteredProvider> getProviders() {
        return caller.may(Permission.PROVIDER_MANAGE) ? catalog.all() : List.of();
    }

    public String modelsOf(RegisteredProvider provider) {
        return String.join(", ", provider.getModels());
    }

    public String circuitOf(RegisteredProvider provider) {
        return registry.circuitState(provider);
    }

    @Audited("provider.create")
    public void register() {
        if (!permission.granted(Permission.PROVIDER_MANAGE, "Registering model providers")) {
            return;
        }
        messages.attempt(() -> {
            RegisteredProvider provider = catalog.register(new ProviderDefinition(name, ProviderType.OPENAI_COMPATIBLE, baseUrl,
                    apiKey == null || apiKey.isEmpty() ? null : apiKey, modelList(), ProviderDefinition.timeout(requestTimeout),
                    maxRetries));
            audit.target("/api/v1/admin/providers/" + provider.getName());
            messages.done("Model provider " + provider.getName() + " registered; test it, then bind agent profiles to it");
            name = null;
            baseUrl = null;
            models = null;
        });
        apiKey = null;
    }

    /** Asks the provider for its models once and says what came back. */
    public void test(String provider) {
        if (!permission.granted(Permission.PROVIDER_MANAGE, "Testing model providers")) {
            return;
        }
        messages.attempt(() -> {
            ProviderCheck check = catalog.test(provider);
            if (!check.reachable()) {
                throw new InvalidInputException("Model provider " + provider + " did not answer: " + check.error());
            }
            messages.done("Model provider " + provider + " answered in " + check.latencyMillis() + " ms, listing "
                    + check.modelsListed().size() + " models" + (check.modelsMissing().isEmpty() ? ""
                    : "; it does not list " + String.join(", ", check.modelsMissing())));
        });
    }

    @Audited("provider.delete")
    public void delete(String provider) {
        if (!permission.granted(Permission.PROVIDER_MANAGE, "Removing model providers")) {
            return;
        }
        messages.attempt(() -> {
            audit.target("/api/v1/admin/providers/" + provider);
            catalog.delete(provider);
            messages.done("Model provider " + provider + " removed with its API key");
        });
    }

    private List<String> modelList() {
        return models == null ? List.of() : Arrays.stream(models.split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getModels() {
        return models;
    }

    public void setModels(String models) {
        this.models = models;
    }

    public String getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(String requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }
}
