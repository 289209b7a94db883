package dev.helix.webhooks.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: {@code v1,} and the base64 of the HMAC-SHA256 of {@code id.timestamp.body}, keyed
 * with the secret's bytes (a secret is {@code whsec_} and their base64).
 */
public final class WebhookSignature {

    static final String PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new random secret, {@code whsec_...}. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** Whether the text is a secret this signature can use: {@code whsec_} and base64 of 24 to 64 bytes. */
    public static boolean isValidSecret(String secret) {
        try {
            int length = key(secret).length;
            return length >= 24 && length <= 64;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The {@code webhook-signature} header's value for this message. */
    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] signed = mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
