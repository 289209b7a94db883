package dev.helix.webhooks.model;

/** What one attempt of a delivery sends, and where. */
public record Outgoing(long deliveryId, String url, boolean allowPrivate, String secret, String messageId, String payload) {
}
