package dev.helix.secrets.service;

import dev.helix.secrets.internal.KeyRingStore;
import dev.helix.secrets.model.KeyRing;
import dev.helix.secrets.model.Rotation;
import dev.helix.secrets.model.SealedSecret;
import dev.helix.secrets.model.SecretCipher;
import dev.helix.secrets.model.StoredSecret;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.error.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Secrets at rest (provider API keys, webhook secrets, client secrets): stored only encrypted, handed out in
 * plaintext only to Helix's own code ({@link #reveal}), never to an API answer, a log or the audit trail.
 * Rotation adds a new key and re-encrypts every secret under it while the old keys keep what is not yet
 * re-encrypted readable, so nothing stops.
 */
@Stateless
public class SecretVault {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
    private static final int MAX_VALUE = 8192;

    @PersistenceContext
    EntityManager em;

    @Inject
    KeyRingStore keys;

    public StoredSecret put(String name, String value) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("a secret's name is 1 to 100 lower-case letters, digits, '.', '_' or '-'");
        }
        if (value == null || value.isEmpty() || value.length() > MAX_VALUE) {
            throw new InvalidInputException("a secret's value is 1 to " + MAX_VALUE + " characters");
        }
        Instant now = Instant.now();
        StoredSecret stored = em.find(StoredSecret.class, name);
        if (stored == null) {
            stored = new StoredSecret(name, SecretCipher.seal(keys.ring(), name, value), now);
            em.persist(stored);
        } else {
            stored.reseal(SecretCipher.seal(keys.ring(), name, value), now);
        }
        return stored;
    }

    /** The plaintext, for Helix's own use only (e.g. calling a provider with its API key). */
    public String reveal(String name) {
        SealedSecret sealed = existing(name).sealed();
        return SecretCipher.open(ringFor(sealed), name, sealed);
    }

    /** The plaintext, if a secret of that name is stored (its absence is no error, and rolls nothing back). */
    public Optional<String> revealIfStored(String name) {
        StoredSecret stored = em.find(StoredSecret.class, name);
        return stored == null ? Optional.empty()
                : Optional.of(SecretCipher.open(ringFor(stored.sealed()), name, stored.sealed()));
    }

    public List<StoredSecret> all() {
        return em.createQuery("SELECT s FROM StoredSecret s ORDER BY s.name", StoredSecret.class).getResultList();
    }

    public void delete(String name) {
        em.remove(existing(name));
    }

    /** Makes a new key active and re-encrypts every secret under an older one. */
    public Rotation rotate() {
        KeyRing ring = keys.rotate();
        Instant now = Instant.now();
        int reencrypted = 0;
        for (StoredSecret secret : all()) {
            if (!secret.getKeyId().equals(ring.activeId())) {
                String plaintext = SecretCipher.open(ringFor(secret.sealed()), secret.getName(), secret.sealed());
                secret.reseal(SecretCipher.seal(ring, secret.getName(), plaintext), now);
                reencrypted++;
            }
        }
        return new Rotation(ring.activeId(), reencrypted);
    }

    /** This server's ring, re-read when the secret is under a key another server added since. */
    private KeyRing ringFor(SealedSecret sealed) {
        KeyRing ring = keys.ring();
        return ring.ids().contains(sealed.keyId()) ? ring : keys.reload();
    }

    private StoredSecret existing(String name) {
        StoredSecret stored = em.find(StoredSecret.class, name);
        if (stored == null) {
            throw new NotFoundException("Secret", name);
        }
        return stored;
    }
}
