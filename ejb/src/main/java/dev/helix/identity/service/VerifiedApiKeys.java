package dev.helix.identity.service;

import dev.helix.identity.model.ApiKeyIdentity;
import dev.helix.identity.model.ApiKeySecret;
import dev.helix.identity.model.ApiKeysChanged;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sign-in with an API key, as requests make it: a key verified against the database is trusted for a few seconds
 * ({@code helix.security.api-key.verified-for}, {@code PT0S} to check every request), so that a busy key is not looked
 * up on every call. A revocation, or a change of its owner's roles or account, takes effect on this server at once;
 * on other servers of a cluster within that time. Only a hash of the presented key is kept, never the key.
 */
@ApplicationScoped
public class VerifiedApiKeys {

    private static final Logger LOG = Logger.getLogger(VerifiedApiKeys.class.getName());
    /** More keys than this in use at once and the remembered ones are forgotten together (and looked up again). */
    private static final int MAX_KEYS = 10_000;
    /** The longest a verified key may be trusted without being read again. */
    private static final Duration LONGEST = Duration.ofHours(1);

    @Inject
    ApiKeys keys;

    @Inject
    @ConfigProperty(name = "helix.security.api-key.verified-for", defaultValue = "PT5S")
    Duration verifiedFor;

    private final Map<String, Verified> byHash = new ConcurrentHashMap<>();
    /** Counts the committed changes: an identity remembered before the latest one is not trusted. */
    private final AtomicLong changes = new AtomicLong();

    /** A verified identity, trusted until {@code untilNanos} (on {@link System#nanoTime}) while no change came since. */
    private record Verified(ApiKeyIdentity identity, long untilNanos, long change) {
    }

    @PostConstruct
    void start() {
        if (verifiedFor.isNegative() || verifiedFor.compareTo(LONGEST) > 0) {
            LOG.severe(() -> "helix.security.api-key.verified-for must lie between PT0S and " + LONGEST + ", not "
                    + verifiedFor + "; using PT0S");
            verifiedFor = Duration.ZERO;
        }
    }

    /** The identity the presented key speaks for; empty when it is malformed, unknown, revoked or expired. */
    public Optional<ApiKeyIdentity> authenticate(String presented) {
        Optional<ApiKeySecret> secret = ApiKeySecret.parse(presented);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        String hash = secret.get().hash();
        long now = System.nanoTime();
        Verified known = byHash.get(hash);
        if (known != null && now - known.untilNanos() < 0 && known.change() == changes.get()) {
            return Optional.of(known.identity());
        }
        // Read before the lookup: a change that commits while the key is looked up makes what was read untrusted.
        long change = changes.get();
        Optional<ApiKeyIdentity> identity = keys.authenticate(presented);
        if (identity.isPresent() && !verifiedFor.isZero()) {
            remember(hash, identity.get(), now, change);
        } else {
            byHash.remove(hash);
        }
        return identity;
    }

    /** Keys verified before a committed change are verified again on their next request. */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApiKeysChanged change) {
        changes.incrementAndGet();
        byHash.clear();
    }

    private void remember(String hash, ApiKeyIdentity identity, long now, long change) {
        Duration window = verifiedFor;
        if (identity.expiresAt() != null) {
            // The key's expiry on the wall clock, turned into the monotonic clock once.
            Duration left = Duration.between(Instant.now(), identity.expiresAt());
            window = left.compareTo(window) < 0 ? left : window;
        }
        if (window.isNegative() || window.isZero()) {
            return;
        }
        if (byHash.size() >= MAX_KEYS) {
            byHash.clear();
        }
        byHash.put(hash, new Verified(identity, now + window.toNanos(), change));
    }
}
