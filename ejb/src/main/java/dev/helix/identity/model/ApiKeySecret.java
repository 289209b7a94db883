package dev.helix.identity.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key's text, {@code hx_<prefix>_<secret>}: a public 8-character prefix that finds the key and 256 random
 * bits. Only its SHA-256 hash is stored; comparing hashes takes the same time whatever they hold.
 */
public record ApiKeySecret(String key, String prefix) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("hx_([A-Za-z0-9]{8})_[A-Za-z0-9_-]{43}");
    private static final String ALPHANUMERIC = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /** A new, random key. */
    public static ApiKeySecret generate() {
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            prefix.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "hx_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new ApiKeySecret(key, prefix.toString());
    }

    /** The key a client presented, when it has the form of a Helix API key. */
    public static Optional<ApiKeySecret> parse(String presented) {
        Matcher form = presented == null ? null : FORM.matcher(presented.strip());
        return form != null && form.matches() ? Optional.of(new ApiKeySecret(presented.strip(), form.group(1)))
                : Optional.empty();
    }

    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether this key hashes to the stored hash, in constant time. */
    public boolean matches(String storedHash) {
        return MessageDigest.isEqual(hash().getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "ApiKeySecret[prefix=" + prefix + "]";
    }
}
