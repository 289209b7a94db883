/**
 * Event webhooks: subscriptions (WebhookSubscriptions) and their deliveries (WebhookDeliveries), written in the
 * transaction of the change they report, sent and retried until a receiver takes them, each attempt recorded.
 */
package dev.helix.webhooks.service;
