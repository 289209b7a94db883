package dev.helix.gateway.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A public model name of the gateway: the deployments that serve it, the aliases it falls back to, in order, when
 * none of them can, how long one call may take, and how long an identical answer is served from the cache.
 */
@Entity
@Table(name = "gateway_alias")
public class ModelAlias {

    @Id
    private String alias;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "gateway_deployment", joinColumns = @JoinColumn(name = "alias"))
    @OrderColumn(name = "position")
    private List<Deployment> deployments = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "gateway_fallback", joinColumns = @JoinColumn(name = "alias"))
    @OrderColumn(name = "position")
    @Column(name = "fallback")
    private List<String> fallbacks = new ArrayList<>();

    @Column(name = "timeout_ms", nullable = false)
    private long timeoutMillis;

    @Column(name = "cache_ttl_ms", nullable = false)
    private long cacheTtlMillis;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ModelAlias() {
    }

    public ModelAlias(String alias, Instant now) {
        this.alias = alias;
        this.createdAt = now;
    }

    /** Takes a checked definition's routing. */
    public void define(AliasDefinition definition, Instant now) {
        deployments.clear();
        deployments.addAll(definition.deployments());
        fallbacks.clear();
        fallbacks.addAll(definition.fallbacks());
        timeoutMillis = definition.timeout().toMillis();
        cacheTtlMillis = definition.cacheTtl().toMillis();
        updatedAt = now;
    }

    public String getAlias() {
        return alias;
    }

    public List<Deployment> getDeployments() {
        return List.copyOf(deployments);
    }

    public List<String> getFallbacks() {
        return List.copyOf(fallbacks);
    }

    public Duration getTimeout() {
        return Duration.ofMillis(timeoutMillis);
    }

    /** How long an answer is served again to an identical request; zero: answers are not cached. */
    public Duration getCacheTtl() {
        return Duration.ofMillis(cacheTtlMillis);
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

    /** The alias as the gateway routes it: a value that stays the same however the row changes later. */
    public Route route() {
        return new Route(alias, getDeployments(), getFallbacks(), getTimeout(), getCacheTtl(), createdAt);
    }
}
