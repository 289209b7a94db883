package dev.helix.metering.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** What a deployment's tokens cost, per 1,000 prompt and per 1,000 completion tokens, for usage sums' spend. */
@Entity
@Table(name = "model_price")
public class ModelPrice {

    /** The largest price per 1,000 tokens taken: far above any model's. */
    public static final BigDecimal MOST = new BigDecimal("1000000");

    @Id
    private String deployment;

    @Column(name = "prompt_per_1k", nullable = false, precision = 18, scale = 6)
    private BigDecimal promptPer1k;

    @Column(name = "completion_per_1k", nullable = false, precision = 18, scale = 6)
    private BigDecimal completionPer1k;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ModelPrice() {
    }

    public ModelPrice(String deployment) {
        this.deployment = deployment;
    }

    public void price(BigDecimal prompt, BigDecimal completion, Instant now) {
        this.promptPer1k = prompt.setScale(6, RoundingMode.HALF_UP);
        this.completionPer1k = completion.setScale(6, RoundingMode.HALF_UP);
        this.updatedAt = now;
    }

    public String getDeployment() {
        return deployment;
    }

    public BigDecimal getPromptPer1k() {
        return promptPer1k;
    }

    public BigDecimal getCompletionPer1k() {
        return completionPer1k;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
