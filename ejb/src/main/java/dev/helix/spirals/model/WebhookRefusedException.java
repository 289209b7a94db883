package dev.helix.spirals.model;

import dev.helix.shared.error.DomainException;

/** An inbound webhook without a valid signature of its body (401): nothing is started. */
public class WebhookRefusedException extends DomainException {

    public WebhookRefusedException() {
        super("The webhook's " + WebhookSignature.HEADER + " header is missing or is not the HMAC-SHA256 of the body with the spiral's secret");
    }

    @Override
    public String problemType() {
        return "webhook-signature";
    }

    @Override
    public String title() {
        return "Bad webhook signature";
    }

    @Override
    public int status() {
        return 401;
    }
}
