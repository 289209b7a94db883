package dev.helix.spirals.model;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of webhook bodies, in the header form {@code sha256=<lower-case hex>}: inbound webhooks
 * must carry one made with the spiral's secret; outbound calls carry one when asked to sign.
 */
public final class WebhookSignature {

    /** The header that carries the signature, inbound and outbound. */
    public static final String HEADER = "X-Helix-Signature";

    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** The signature of a body, in header form. */
    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(secret, body));
    }

    /** Whether a header value is the body's signature; compared in constant time. */
    public static boolean verify(String secret, byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, header.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] mac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
