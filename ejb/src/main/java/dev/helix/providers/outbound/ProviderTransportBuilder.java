package dev.helix.providers.outbound;

import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;

/** Builds the {@link ProviderTransport} a LangChain4j client is given; LangChain4j sets its timeouts. */
final class ProviderTransportBuilder implements HttpClientBuilder {

    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofMinutes(2);

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    @Override
    public ProviderTransport build() {
        return new ProviderTransport(connectTimeout, readTimeout);
    }
}
