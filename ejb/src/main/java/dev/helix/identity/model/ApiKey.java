package dev.helix.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A user's API key: found by its public prefix, checked against the SHA-256 hash of the whole key (the key itself
 * is never stored), limited to scopes (a subset of the owner's permissions, fixed when it is issued), expiring and
 * revocable, with the time of its last use.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String owner;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String prefix;

    @Column(name = "key_hash", nullable = false)
    private String keyHash;

    /** Comma-separated permission names. */
    @Column(nullable = false)
    private String scopes;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "rate_limit_per_minute")
    private Integer rateLimitPerMinute;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    public ApiKey(String owner, String name, ApiKeySecret secret, Set<Permission> scopes, Instant expiresAt,
                  Integer rateLimitPerMinute, Instant createdAt) {
        this.owner = owner;
        this.name = name;
        this.prefix = secret.prefix();
        this.keyHash = secret.hash();
        this.scopes = scopes.stream().map(Permission::permissionName).sorted().collect(Collectors.joining(","));
        this.expiresAt = expiresAt;
        this.rateLimitPerMinute = rateLimitPerMinute;
        this.createdAt = createdAt;
    }

    /** Whether the key may be used at that time: not revoked, not expired. */
    public boolean isUsableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public void usedAt(Instant now) {
        lastUsedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public String getName() {
        return name;
    }

    public String getPrefix() {
        return prefix;
    }

    public String getKeyHash() {
        return keyHash;
    }

    /** The permissions the key carries (its owner's current permissions narrow them further). */
    public Set<Permission> getScopes() {
        return Permission.allNamed(Arrays.asList(scopes.split(",")));
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Integer getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
