package dev.helix.providers.model;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider's answer to a {@link RelayRequest}, as it arrives: the status, the wait a refusal asked for
 * ({@code Retry-After}), and the body to read: whole for an answer that is not streamed or a refusal, as it comes
 * for a stream. Closing it before the end abandons the call, so the provider stops working on it.
 */
public final class RelayAnswer implements AutoCloseable {

    private final int status;
    private final Duration retryAfter;
    private final InputStream body;

    public RelayAnswer(int status, Duration retryAfter, InputStream body) {
        this.status = status;
        this.retryAfter = retryAfter;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public boolean succeeded() {
        return status >= 200 && status <= 299;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public InputStream body() {
        return body;
    }

    /** Releases the answer; a close that fails has released it all the same. */
    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // nothing is left to release
        }
    }
}
