package dev.helix.secrets.model;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys secrets are encrypted under, by id, and the active one new encryptions use. Old keys stay in
 * the ring so that secrets not yet re-encrypted remain readable during a rotation. Stored as properties:
 * {@code active=<id>} and {@code key.<id>=<base64>}.
 */
public final class KeyRing {

    private final Map<String, SecretKey> keys;
    private final String activeId;

    public KeyRing(Map<String, SecretKey> keys, String activeId) {
        if (!keys.containsKey(activeId)) {
            throw new IllegalArgumentException("the active key " + activeId + " is not in the ring");
        }
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        this.activeId = activeId;
    }

    public static KeyRing of(Properties stored) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        stored.stringPropertyNames().stream().filter(n -> n.startsWith("key.")).sorted().forEach(n ->
                keys.put(n.substring(4), new SecretKeySpec(Base64.getDecoder().decode(stored.getProperty(n)), "AES")));
        return new KeyRing(keys, stored.getProperty("active"));
    }

    public Properties toProperties() {
        Properties stored = new Properties();
        stored.setProperty("active", activeId);
        keys.forEach((id, key) -> stored.setProperty("key." + id, Base64.getEncoder().encodeToString(key.getEncoded())));
        return stored;
    }

    /** This ring with a new key added and made active. */
    public KeyRing withActive(String id, SecretKey key) {
        Map<String, SecretKey> more = new LinkedHashMap<>(keys);
        more.put(id, key);
        return new KeyRing(more, id);
    }

    public String activeId() {
        return activeId;
    }

    public SecretKey active() {
        return keys.get(activeId);
    }

    public SecretKey key(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("No key " + id + " in the key ring: a secret was encrypted under a key "
                    + "that was removed");
        }
        return key;
    }

    public Set<String> ids() {
        return keys.keySet();
    }
}
