package dev.helix.webhooks.model;

/** Where a delivery stands: still to be sent (or sent again), delivered, or given up after a day of retries. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
