package dev.helix.providers.outbound;

import java.time.Duration;

/**
 * When a provider's circuit opens and for how long.
 *
 * @param failuresToOpen the failed attempts in a row (each retry is an attempt) that open it
 * @param openFor        how long calls fail at once before one is let through again
 */
public record CircuitSettings(int failuresToOpen, Duration openFor) {
}
