package dev.helix.identity.service;

import dev.helix.identity.model.ApiKey;
import dev.helix.identity.model.ApiKeyIdentity;
import dev.helix.identity.model.ApiKeySecret;
import dev.helix.identity.model.ApiKeysChanged;
import dev.helix.identity.model.IssuedApiKey;
import dev.helix.identity.model.Permission;
import dev.helix.identity.model.User;
import dev.helix.shared.error.ConflictException;
import dev.helix.shared.model.InstantRange;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.model.Names;
import dev.helix.shared.error.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * API keys: issued by a user for themselves, shown once, checked on every request that presents one, revoked by
 * their owner. A key's use is recorded at most once a minute, so a busy key does not write on every request.
 */
@Stateless
public class ApiKeys {

    private static final Duration USE_RECORDING = Duration.ofMinutes(1);
    private static final int MAX_RATE_LIMIT = 1_000_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ApiKeysChanged> changes;

    /**
     * Issues a key for {@code owner}. Its scopes must lie within {@code ceiling} (what the caller may do now: the
     * owner's permissions, or a narrower key's scopes when a key issues a key); no scopes means the ceiling.
     */
    public IssuedApiKey issue(String owner, String name, Optional<Set<Permission>> scopes, Set<Permission> ceiling,
                              Instant expiresAt, Integer rateLimitPerMinute) {
        Instant now = Instant.now();
        User account = em.find(User.class, owner);
        if (account != null && !account.isLocal()) {
            // Its roles follow the realm only while it signs in; a key would outlive a removal from the realm.
            throw new ConflictException("'" + owner + "' signs in through single sign-on: use the realm's access "
                    + "tokens instead of API keys");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name must be 1 to 100 characters");
        }
        Names.require("name", name);
        Set<Permission> granted = scopes.orElse(ceiling);
        if (!ceiling.containsAll(granted)) {
            throw new InvalidInputException("scopes must be among your own permissions; not yours: " + granted.stream()
                    .filter(p -> !ceiling.contains(p)).map(Permission::permissionName).sorted().collect(Collectors.joining(", ")));
        }
        if (expiresAt != null && (!expiresAt.isAfter(now) || !InstantRange.contains(expiresAt))) {
            throw new InvalidInputException("expiresAt must lie in the future, before the year 10000");
        }
        if (rateLimitPerMinute != null && (rateLimitPerMinute < 1 || rateLimitPerMinute > MAX_RATE_LIMIT)) {
            throw new InvalidInputException("rateLimitPerMinute must be 1 to " + MAX_RATE_LIMIT);
        }
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKey key = new ApiKey(owner, name.strip(), secret, granted, expiresAt, rateLimitPerMinute, now);
        em.persist(key);
        return new IssuedApiKey(key, secret.key());
    }

    public List<ApiKey> keysOf(String owner) {
        return em.createQuery("SELECT k FROM ApiKey k WHERE k.owner = :owner ORDER BY k.id", ApiKey.class)
                .setParameter("owner", owner).getResultList();
    }

    /** The key with this public prefix, revoked or not. */
    public Optional<ApiKey> byPrefix(String prefix) {
        return em.createQuery("SELECT k FROM ApiKey k WHERE k.prefix = :prefix", ApiKey.class).setParameter("prefix", prefix)
                .getResultStream().findFirst();
    }

    /** Revokes one of the owner's keys; another user's key is as unknown as a missing one. */
    public ApiKey revoke(String owner, long id) {
        ApiKey key = em.find(ApiKey.class, id);
        if (key == null || !key.getOwner().equals(owner)) {
            throw new NotFoundException("API key", id);
        }
        key.revoke(Instant.now());
        changes.fire(new ApiKeysChanged(owner));
        return key;
    }

    /**
     * The identity a presented key speaks for; empty when it is malformed, unknown, revoked, expired or its owner
     * disabled. One query reads the key and its owner; the key's last use is recorded at most once a minute.
     */
    public Optional<ApiKeyIdentity> authenticate(String presented) {
        Optional<ApiKeySecret> secret = ApiKeySecret.parse(presented);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Optional<Object[]> found = em.createQuery(
                "SELECT k, u FROM ApiKey k, User u WHERE k.prefix = :prefix AND u.username = k.owner", Object[].class)
                .setParameter("prefix", secret.get().prefix()).getResultStream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiKey key = (ApiKey) found.get()[0];
        User owner = (User) found.get()[1];
        if (!secret.get().matches(key.getKeyHash()) || !key.isUsableAt(now) || !owner.isEnabled()) {
            return Optional.empty();
        }
        if (key.getLastUsedAt() == null || key.getLastUsedAt().plus(USE_RECORDING).isBefore(now)) {
            key.usedAt(now);
        }
        return Optional.of(new ApiKeyIdentity(key.getId(), key.getPrefix(), owner.getUsername(), owner.getRoles(),
                key.getScopes(), key.getRateLimitPerMinute(), key.getExpiresAt()));
    }
}
