package dev.helix.webhooks.model;

/**
 * What one attempt of a delivery found: the receiver's status (null when it could not be reached), how long it took,
 * and the error or the first bytes of the answer. A 2xx status is a success.
 */
public record AttemptResult(Integer statusCode, long durationMillis, String outcome) {

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode <= 299;
    }
}
