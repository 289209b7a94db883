package dev.helix.secrets.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One secret at rest: its name, and its value sealed under a key of the ring. Never holds the plaintext. */
@Entity
@Table(name = "helix_secret")
public class StoredSecret {

    @Id
    private String name;

    @Column(name = "key_id", nullable = false)
    private String keyId;

    @Column(nullable = false)
    private byte[] nonce;

    @Column(nullable = false)
    private byte[] ciphertext;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StoredSecret() {
    }

    public StoredSecret(String name, SealedSecret sealed, Instant now) {
        this.name = name;
        reseal(sealed, now);
    }

    public final void reseal(SealedSecret sealed, Instant now) {
        this.keyId = sealed.keyId();
        this.nonce = sealed.nonce();
        this.ciphertext = sealed.ciphertext();
        this.updatedAt = now;
    }

    public SealedSecret sealed() {
        return new SealedSecret(keyId, nonce, ciphertext);
    }

    public String getName() {
        return name;
    }

    public String getKeyId() {
        return keyId;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
