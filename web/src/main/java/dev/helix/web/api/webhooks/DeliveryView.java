package dev.helix.web.api.webhooks;

import dev.helix.webhooks.model.WebhookAttempt;
import dev.helix.webhooks.model.WebhookDelivery;
import java.time.Instant;
import java.util.List;

/**
 * One delivery in a subscription's log: the event, its message id ({@code webhook-id}), where it stands, when it is
 * tried next, and each attempt with the receiver's status, its duration and what came back.
 */
public record DeliveryView(long id, String messageId, String event, String status, int attempts, Instant nextAttemptAt,
                           Integer lastStatusCode, String lastError, Instant createdAt, Instant deliveredAt,
                           String payload, List<AttemptView> attemptLog) {

    /** One attempt of the delivery. */
    public record AttemptView(Instant at, Integer statusCode, long durationMillis, String outcome) {
    }

    static DeliveryView of(WebhookDelivery d, List<WebhookAttempt> attempts) {
        return new DeliveryView(d.getId(), d.getMessageId(), d.getEventType().wireName(), d.getStatus().name(),
                d.getAttempts(), d.getNextAttemptAt(), d.getLastStatusCode(), d.getLastError(), d.getCreatedAt(),
                d.getDeliveredAt(), d.getPayload(), attempts.stream()
                .map(a -> new AttemptView(a.getAt(), a.getStatusCode(), a.getDurationMillis(), a.getOutcome())).toList());
    }
}
