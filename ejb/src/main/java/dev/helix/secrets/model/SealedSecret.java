package dev.helix.secrets.model;

/** A secret as stored: the id of the key it is encrypted under, the GCM nonce, and the ciphertext with its tag. */
public record SealedSecret(String keyId, byte[] nonce, byte[] ciphertext) {
}
