package dev.helix.chatops.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature: {@code X-Slack-Signature} is {@code v0=} and the hex HMAC-SHA256 of
 * {@code v0:{X-Slack-Request-Timestamp}:{raw body}} keyed with the app's signing secret; a timestamp more than five
 * minutes from now is refused (a replay).
 */
public final class SlackSignature {

    public static final Duration MAX_AGE = Duration.ofMinutes(5);

    private SlackSignature() {
    }

    /** The signature Slack would send for this request. */
    public static String sign(String signingSecret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Why the request is refused, or empty when its signature is right and recent. */
    public static Optional<String> refusal(String signingSecret, String timestamp, String signature, byte[] body,
                                           Instant now) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            return Optional.of("X-Slack-Request-Timestamp is missing or not a number");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > MAX_AGE.toSeconds()) {
            return Optional.of("the request's timestamp is more than " + MAX_AGE.toMinutes() + " minutes from now");
        }
        byte[] expected = sign(signingSecret, timestamp.strip(), body).getBytes(StandardCharsets.UTF_8);
        if (signature == null || !MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("X-Slack-Signature does not match the request");
        }
        return Optional.empty();
    }
}
