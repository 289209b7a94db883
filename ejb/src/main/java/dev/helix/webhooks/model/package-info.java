/**
 * The language of event webhooks: subscriptions (WebhookSubscription, WebhookDefinition), the events they take
 * (WebhookEventType), deliveries and their attempts (WebhookDelivery, DeliveryStatus, WebhookAttempt, AttemptResult),
 * the Standard Webhooks signature (WebhookSignature) and the retry schedule (RetrySchedule).
 */
package dev.helix.webhooks.model;
