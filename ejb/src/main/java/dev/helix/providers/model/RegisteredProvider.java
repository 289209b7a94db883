package dev.helix.providers.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A model provider agents may think through: its protocol, endpoint, the models it offers and how patiently it is
 * called. Its API key is not here but in the secret vault, under {@link #getApiKeySecret()}.
 */
@Entity
@Table(name = "model_provider")
public class RegisteredProvider {

    @Id
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "provider_type", nullable = false)
    private ProviderType type;

    @Column(name = "base_url", length = 500)
    private String baseUrl;

    @Column(name = "api_key_secret", length = 100)
    private String apiKeySecret;

    /** Comma-separated model names. */
    @Column(nullable = false, length = 2000)
    private String models;

    @Column(name = "request_timeout_ms", nullable = false)
    private long requestTimeoutMillis;

    @Column(name = "max_retries", nullable = false)
    private int maxRetries;

    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected RegisteredProvider() {
    }

    public RegisteredProvider(String name, ProviderType type, Instant now) {
        this.name = name;
        this.type = type;
        this.createdAt = now;
    }

    /** Takes the endpoint settings of a definition; the key is kept apart ({@link #keepApiKeyIn}). */
    public void configure(String baseUrl, List<String> models, Duration requestTimeout, int maxRetries, Instant now) {
        this.baseUrl = baseUrl;
        this.models = String.join(",", models);
        this.requestTimeoutMillis = requestTimeout.toMillis();
        this.maxRetries = maxRetries;
        this.updatedAt = now;
    }

    /** Names the vault secret holding the API key, or {@code null} when the endpoint takes none. */
    public void keepApiKeyIn(String secretName) {
        this.apiKeySecret = secretName;
    }

    public String getName() {
        return name;
    }

    public ProviderType getType() {
        return type;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public String getApiKeySecret() {
        return apiKeySecret;
    }

    public boolean hasApiKey() {
        return apiKeySecret != null;
    }

    public List<String> getModels() {
        return models.isBlank() ? List.of() : Arrays.stream(models.split(",")).map(String::strip).toList();
    }

    public boolean offers(String model) {
        return getModels().contains(model);
    }

    public Duration getRequestTimeout() {
        return Duration.ofMillis(requestTimeoutMillis);
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
