/**
 * Calls out of the webhooks context: the HTTP POST of a delivery (WebhookSender) and the check that keeps deliveries
 * from private and loopback addresses (PublicAddresses).
 */
package dev.helix.webhooks.outbound;
