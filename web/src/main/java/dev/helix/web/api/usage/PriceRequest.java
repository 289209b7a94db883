package dev.helix.web.api.usage;

import java.math.BigDecimal;

/** Body of {@code PUT /api/v1/admin/prices}: a deployment ({@code provider/model}) and its prices per 1,000 tokens. */
public record PriceRequest(String deployment, BigDecimal promptPer1k, BigDecimal completionPer1k) {
}
