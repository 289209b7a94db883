package dev.helix.chatops.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Discord's request signature: Ed25519 over the {@code X-Signature-Timestamp} header followed by the raw body,
 * checked against the application's public key (32 bytes, hex, from Discord's developer portal); a timestamp more than
 * five minutes from now is refused (a replay).
 */
public final class DiscordSignature {

    /** The DER prefix that makes 32 raw Ed25519 key bytes an X.509 SubjectPublicKeyInfo. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private DiscordSignature() {
    }

    /** Whether the text is a public key this check can use: 64 hex digits. */
    public static boolean isValidPublicKey(String hex) {
        return hex != null && hex.matches("[0-9a-fA-F]{64}");
    }

    /**
     * Whether {@code signatureHex} signs timestamp + body with the key and the timestamp (seconds since the epoch) is
     * recent; false for anything malformed.
     */
    public static boolean verifies(String publicKeyHex, String signatureHex, String timestamp, byte[] body, Instant now) {
        if (!isValidPublicKey(publicKeyHex) || signatureHex == null || !signatureHex.matches("[0-9a-fA-F]{128}")
                || timestamp == null || !timestamp.matches("[0-9]{1,12}")
                || Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) > SlackSignature.MAX_AGE.toSeconds()) {
            return false;
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(publicKey(publicKeyHex));
            ed25519.update(timestamp.getBytes(StandardCharsets.UTF_8));
            ed25519.update(body);
            return ed25519.verify(HexFormat.of().parseHex(signatureHex));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PublicKey publicKey(String hex) throws GeneralSecurityException {
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] der = new byte[SPKI_PREFIX.length + raw.length];
        System.arraycopy(SPKI_PREFIX, 0, der, 0, SPKI_PREFIX.length);
        System.arraycopy(raw, 0, der, SPKI_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }
}
