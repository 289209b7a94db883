package dev.helix.providers.outbound;

import dev.helix.providers.model.ProviderTimeoutException;
import dev.helix.providers.model.ProviderUnavailableException;
import dev.helix.providers.model.RegisteredProvider;
import dev.helix.providers.model.RelayAnswer;
import dev.helix.providers.model.RelayRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Passes requests of OpenAI's protocol on to one registered endpoint, bodies unchanged, on one JDK HTTP client per
 * registration (its connections kept for the next call). A whole answer is read by the request's deadline and up to
 * {@value ProviderTransport#MAX_ANSWER_BYTES} bytes; a stream is handed over as it arrives and cut off when no byte
 * comes for as long as the timeout. A connection that cannot be made or an answer that does not come in time is a
 * {@link ProviderUnavailableException} naming the provider and never its key.
 */
public final class OpenAiRelay {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The most of a refusal's body that is read: enough for any error message. */
    private static final int MAX_ERROR_BYTES = 64 * 1024;

    private final String provider;
    private final String baseUrl;
    private final String apiKey;
    private final HttpClient http;

    public OpenAiRelay(RegisteredProvider registration, String apiKey) {
        this.provider = registration.getName();
        this.baseUrl = registration.getBaseUrl().endsWith("/") ? registration.getBaseUrl() : registration.getBaseUrl() + "/";
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Sends the request and returns the answer: read whole, or, for a successful stream, open for reading. */
    public RelayAnswer send(RelayRequest request) {
        long deadline = System.nanoTime() + request.timeout().toNanos();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.endpoint().path()))
                .timeout(request.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", request.stream() ? "text/event-stream" : "application/json")
                .POST(BodyPublishers.ofString(request.body()));
        if (apiKey != null && !apiKey.isEmpty()) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(builder.build(), BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new ProviderTimeoutException("Model provider '" + provider + "' did not answer within " + request.timeout());
        } catch (IOException e) {
            throw unavailable("could not be reached (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + redacted(e.getMessage())) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("was not waited for: the call was interrupted");
        }
        Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(ProviderTransport::retryAfter).orElse(null);
        boolean succeeded = response.statusCode() >= 200 && response.statusCode() <= 299;
        if (succeeded && request.stream()) {
            return new RelayAnswer(response.statusCode(), null, new IdleLimitedStream(response.body(), request.timeout()));
        }
        int limit = succeeded ? ProviderTransport.MAX_ANSWER_BYTES : MAX_ERROR_BYTES;
        return new RelayAnswer(response.statusCode(), retryAfter, new ByteArrayInputStream(readWhole(response.body(), limit, deadline,
                request.timeout(), succeeded)));
    }

    private byte[] readWhole(InputStream body, int limit, long deadline, Duration timeout, boolean succeeded) {
        ScheduledFuture<?> cutOff = ProviderTransport.DEADLINES.schedule(() -> IdleLimitedStream.quietlyClose(body),
                Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        try (body) {
            byte[] bytes = body.readNBytes(limit + 1);
            if (bytes.length > limit && succeeded) {
                throw unavailable("answered with more than " + limit + " bytes");
            }
            return bytes.length > limit ? Arrays.copyOf(bytes, limit) : bytes;
        } catch (IOException e) {
            if (System.nanoTime() >= deadline) {
                throw new ProviderTimeoutException("Model provider '" + provider + "' did not finish its answer within " + timeout);
            }
            throw unavailable("broke off its answer (" + e.getClass().getSimpleName() + ")");
        } finally {
            cutOff.cancel(false);
        }
    }

    private ProviderUnavailableException unavailable(String what) {
        return new ProviderUnavailableException("Model provider '" + provider + "' " + what);
    }

    private String redacted(String text) {
        return apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, "(api key)");
    }
}
