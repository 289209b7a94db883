/**
 * What drives the webhooks: the platform's events, turned into deliveries in their own transactions
 * (WebhookTriggers), and the loop that sends what is due (DeliveryLoop).
 */
package dev.helix.webhooks.inbound;
