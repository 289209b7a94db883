package dev.helix.secrets.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private final KeyRing ring = new KeyRing(Map.of("k1", SecretCipher.newKey()), "k1");

    @Test
    void aSealedSecretOpensUnderItsNameAndHidesItsValue() {
        SealedSecret sealed = SecretCipher.seal(ring, "openai.api-key", "sk-live-123456");
        assertEquals("k1", sealed.keyId());
        assertFalse(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1).contains("sk-live"));
        assertEquals("sk-live-123456", SecretCipher.open(ring, "openai.api-key", sealed));
        assertNotEquals(Arrays.toString(sealed.nonce()),
                Arrays.toString(SecretCipher.seal(ring, "openai.api-key", "sk-live-123456").nonce()), "a fresh nonce each time");
    }

    @Test
    void aCiphertextMovedToAnotherNameOrAlteredDoesNotOpen() {
        SealedSecret sealed = SecretCipher.seal(ring, "a", "value");
        assertThrows(IllegalStateException.class, () -> SecretCipher.open(ring, "b", sealed));
        byte[] altered = sealed.ciphertext().clone();
        altered[0] ^= 1;
        assertThrows(IllegalStateException.class,
                () -> SecretCipher.open(ring, "a", new SealedSecret("k1", sealed.nonce(), altered)));
    }

    @Test
    void afterARotationOldCiphertextsStillOpenAndNewOnesUseTheNewKey() {
        SealedSecret old = SecretCipher.seal(ring, "hook", "s3cret");
        KeyRing rotated = KeyRing.of(ring.withActive("k2", SecretCipher.newKey()).toProperties());
        assertEquals("k2", rotated.activeId());
        assertEquals("s3cret", SecretCipher.open(rotated, "hook", old));
        assertEquals("k2", SecretCipher.seal(rotated, "hook", "s3cret").keyId());
    }
}
