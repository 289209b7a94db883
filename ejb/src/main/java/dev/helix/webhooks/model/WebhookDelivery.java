package dev.helix.webhooks.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One event for one subscription: written with the change it reports, sent until a receiver takes it (a 2xx answer)
 * or a day has passed. Every attempt sends the same message id, by which receivers dedupe. A server takes a delivery
 * for an attempt by setting {@code claimed_until} with a conditional update ({@code WebhookDeliveries}).
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "subscription_id", nullable = false)
    private long subscriptionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false)
    private WebhookEventType eventType;

    @Column(name = "message_id", nullable = false, unique = true)
    private String messageId;

    @Column(nullable = false, length = 65536)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "give_up_at", nullable = false)
    private Instant giveUpAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Version
    private long version;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(long subscriptionId, WebhookEventType eventType, String payload, Instant now) {
        this.subscriptionId = subscriptionId;
        this.eventType = eventType;
        this.messageId = "msg_" + UUID.randomUUID().toString().replace("-", "");
        this.payload = payload;
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.giveUpAt = now.plus(RetrySchedule.GIVE_UP_AFTER);
    }

    /** Records an attempt's result and, if it failed, when to try again (or that the delivery is given up). */
    public void attempted(AttemptResult result, Instant now, RetrySchedule retries) {
        attempts++;
        claimedUntil = null;
        lastStatusCode = result.statusCode();
        lastError = result.succeeded() ? null : WebhookAttempt.shortened(result.outcome());
        if (result.succeeded()) {
            status = DeliveryStatus.DELIVERED;
            deliveredAt = now;
            return;
        }
        Instant next = retries.nextAttempt(now, attempts, giveUpAt);
        if (next == null) {
            status = DeliveryStatus.FAILED;
        } else {
            nextAttemptAt = next;
        }
    }

    /**
     * Sends the same message again now (its id unchanged), with a day of retries of its own that start again from the
     * first pause; false, and nothing changed, while an attempt is under way.
     */
    public boolean redeliver(Instant now) {
        if (claimedUntil != null && claimedUntil.isAfter(now)) {
            return false;
        }
        status = DeliveryStatus.PENDING;
        nextAttemptAt = now;
        attempts = 0;
        giveUpAt = now.plus(RetrySchedule.GIVE_UP_AFTER);
        return true;
    }

    /** Gives the delivery up: its day of retries is over (also when a server missed the last planned attempt). */
    public void giveUp() {
        status = DeliveryStatus.FAILED;
        claimedUntil = null;
    }

    public Long getId() {
        return id;
    }

    public long getSubscriptionId() {
        return subscriptionId;
    }

    public WebhookEventType getEventType() {
        return eventType;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getPayload() {
        return payload;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getGiveUpAt() {
        return giveUpAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Integer getLastStatusCode() {
        return lastStatusCode;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }
}
