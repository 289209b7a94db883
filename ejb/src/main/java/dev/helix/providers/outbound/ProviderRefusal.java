package dev.helix.providers.outbound;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider answered with an error status. Unlike the plain {@link HttpException} it keeps how long the provider
 * asked to be left alone ({@code Retry-After}), so a retry waits as long as asked.
 */
public class ProviderRefusal extends HttpException {

    private final transient Duration retryAfter;

    public ProviderRefusal(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
