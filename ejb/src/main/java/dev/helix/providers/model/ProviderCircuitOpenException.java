package dev.helix.providers.model;

import java.time.Duration;

/** The provider failed too often in a row: calls fail at once, without reaching it, until its circuit lets one by. */
public class ProviderCircuitOpenException extends ProviderUnavailableException {

    private final transient Duration retryIn;

    public ProviderCircuitOpenException(String message, Duration retryIn) {
        super(message);
        this.retryIn = retryIn;
    }

    /** How long until a call is let through again. */
    public Duration retryIn() {
        return retryIn;
    }
}
