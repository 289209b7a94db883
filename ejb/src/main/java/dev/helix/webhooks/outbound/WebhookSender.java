package dev.helix.webhooks.outbound;

import dev.helix.webhooks.model.AttemptResult;
import dev.helix.webhooks.model.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends one delivery: an HTTP POST of the event's JSON with the Standard Webhooks headers ({@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature}), within a connect and a read timeout, following no
 * redirect, and reading at most the first kilobyte of the answer.
 */
public final class WebhookSender {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_ANSWER_KEPT = 1024;

    private WebhookSender() {
    }

    /** Sends the message; never throws: a failure to send is an attempt's result like any other. */
    public static AttemptResult send(String url, boolean allowPrivate, String secret, String messageId, String payload) {
        long started = System.nanoTime();
        URI uri = URI.create(url);
        Optional<String> refusal = PublicAddresses.refusal(uri, allowPrivate);
        if (refusal.isPresent()) {
            return new AttemptResult(null, 0, "not sent: " + refusal.get());
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
            long timestamp = Instant.now().getEpochSecond();
            byte[] body = payload.getBytes(StandardCharsets.UTF_8);
            connection.setFixedLengthStreamingMode(body.length);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("User-Agent", "Helix-Webhooks/1");
            connection.setRequestProperty("webhook-id", messageId);
            connection.setRequestProperty("webhook-timestamp", String.valueOf(timestamp));
            connection.setRequestProperty("webhook-signature", WebhookSignature.sign(secret, messageId, timestamp, payload));
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            String answer = firstBytes(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
            connection.disconnect();
            return new AttemptResult(status, elapsed(started), "HTTP " + status + (answer.isEmpty() ? "" : ": " + answer));
        } catch (IOException | IllegalArgumentException e) {
            return new AttemptResult(null, elapsed(started), "not delivered: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static String firstBytes(InputStream answer) throws IOException {
        if (answer == null) {
            return "";
        }
        try (answer) {
            return new String(answer.readNBytes(MAX_ANSWER_KEPT), StandardCharsets.UTF_8).strip();
        }
    }

    private static long elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
