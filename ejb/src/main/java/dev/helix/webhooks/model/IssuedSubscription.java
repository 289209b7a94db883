package dev.helix.webhooks.model;

/** A subscription just saved, with its secret: shown this once, when Helix generated it. */
public record IssuedSubscription(WebhookSubscription subscription, String secret) {
}
