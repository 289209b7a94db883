package dev.helix.web.api.webhooks;

import dev.helix.webhooks.model.WebhookEventType;
import dev.helix.webhooks.model.WebhookSubscription;
import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription as the API shows it; {@code secret} only in the answer that created it, when Helix generated
 * it (it is never shown again).
 */
public record WebhookView(long id, String owner, String url, List<String> events, Long projectId, boolean allowPrivate,
                          boolean enabled, String disabledReason, Instant failingSince, Instant createdAt,
                          Instant updatedAt, String secret) {

    static WebhookView of(WebhookSubscription s, String secret) {
        return new WebhookView(s.getId(), s.getOwner(), s.getUrl(),
                s.getEvents().stream().map(WebhookEventType::wireName).toList(), s.getProjectId(), s.isAllowPrivate(),
                s.isEnabled(), s.getDisabledReason(), s.getFailingSince(), s.getCreatedAt(), s.getUpdatedAt(), secret);
    }
}
