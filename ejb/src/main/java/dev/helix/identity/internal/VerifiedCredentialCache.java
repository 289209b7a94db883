package dev.helix.identity.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers for a minute that a username and password verified, so HTTP Basic clients do not pay the
 * deliberate cost of PBKDF2 on every request. It keeps only an HMAC of the password under a random key
 * that lives in memory, never the password.
 */
@ApplicationScoped
public class VerifiedCredentialCache {

    private static final Duration TTL = Duration.ofMinutes(1);

    private final byte[] key = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(byte[] mac, Instant expires) {
    }

    public VerifiedCredentialCache() {
        new SecureRandom().nextBytes(key);
    }

    public boolean isVerified(String username, String password) {
        Entry entry = entries.get(username);
        return entry != null && entry.expires().isAfter(Instant.now()) && MessageDigest.isEqual(entry.mac(), mac(username, password));
    }

    public void remember(String username, String password) {
        entries.put(username, new Entry(mac(username, password), Instant.now().plus(TTL)));
    }

    public void forget(String username) {
        entries.remove(username);
    }

    private byte[] mac(String username, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac.update(username.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
