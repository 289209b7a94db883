package dev.helix.webhooks.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One attempt of a delivery, as the delivery log shows it. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    static final int MAX_OUTCOME = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "delivery_id", nullable = false)
    private long deliveryId;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "status_code")
    private Integer statusCode;

    @Column(name = "duration_ms", nullable = false)
    private long durationMillis;

    @Column(nullable = false, length = 1000)
    private String outcome;

    protected WebhookAttempt() {
    }

    public WebhookAttempt(long deliveryId, AttemptResult result, Instant at) {
        this.deliveryId = deliveryId;
        this.at = at;
        this.statusCode = result.statusCode();
        this.durationMillis = result.durationMillis();
        this.outcome = shortened(result.outcome());
    }

    /** What an attempt found, cut to the {@value #MAX_OUTCOME} characters the log keeps. */
    static String shortened(String outcome) {
        return outcome.length() <= MAX_OUTCOME ? outcome : outcome.substring(0, MAX_OUTCOME - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public long getDeliveryId() {
        return deliveryId;
    }

    public Instant getAt() {
        return at;
    }

    public Integer getStatusCode() {
        return statusCode;
    }

    public long getDurationMillis() {
        return durationMillis;
    }

    public String getOutcome() {
        return outcome;
    }
}
