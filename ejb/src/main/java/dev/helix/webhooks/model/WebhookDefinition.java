package dev.helix.webhooks.model;

import java.util.Set;

/**
 * A subscription as its owner defines it: where to deliver, which events, only a project's (or all), and whether
 * private and loopback addresses may be called (an administrator's choice).
 */
public record WebhookDefinition(String url, Set<WebhookEventType> events, Long projectId, boolean allowPrivate) {
}
