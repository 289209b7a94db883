package dev.helix.providers.outbound;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP transport LangChain4j's clients speak through to a provider, on the JDK's client. LangChain4j keeps the
 * protocol (request and answer shapes, server-sent events, tool calls); this keeps what Helix needs of the wire: an
 * error answer becomes a {@link ProviderRefusal} that carries {@code Retry-After}, an answer (whole or streamed) is
 * read only up to {@value #MAX_ANSWER_BYTES} bytes, a call (headers and answer) waits at most the provider's request
 * timeout, a stream that ends without its {@code [DONE]} is an error ({@link CheckedStream}), and an interrupted
 * caller abandons its call.
 */
public final class ProviderTransport implements HttpClient {

    /** The most of an answer that is read. */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;
    /** The most of an error answer kept for its message. */
    private static final int MAX_ERROR_BYTES = 4096;
    /** Breaks off reads of answers past their deadline; one daemon thread for every transport. */
    static final ScheduledExecutorService DEADLINES = deadlines();

    private final java.net.http.HttpClient http;
    private final Duration requestTimeout;

    ProviderTransport(Duration connectTimeout, Duration requestTimeout) {
        this.http = java.net.http.HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(Redirect.NEVER).build();
        this.requestTimeout = requestTimeout;
    }

    /**
     * One daemon thread for every transport and relay; a deadline cancelled because its call ended in time leaves the
     * queue at once, rather than holding its call until it would have struck.
     */
    private static ScheduledExecutorService deadlines() {
        ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "helix-provider-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        deadlines.setRemoveOnCancelPolicy(true);
        return deadlines;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        long deadline = System.nanoTime() + requestTimeout.toNanos();
        try {
            HttpResponse<InputStream> response = http.send(toJdk(request), BodyHandlers.ofInputStream());
            // The request's timeout covers only the wait for the headers: the body must arrive by the deadline too.
            ScheduledFuture<?> cutOff = DEADLINES.schedule(() -> close(response.body()),
                    Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            try (InputStream body = response.body()) {
                if (failed(response)) {
                    throw refusal(response, body);
                }
                byte[] bytes = body.readNBytes(MAX_ANSWER_BYTES + 1);
                if (bytes.length > MAX_ANSWER_BYTES) {
                    throw new IOException("the answer is larger than " + MAX_ANSWER_BYTES + " bytes");
                }
                return answer(response, new String(bytes, StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (System.nanoTime() >= deadline) {
                    throw new TimeoutException(new HttpTimeoutException("the answer did not arrive within " + requestTimeout));
                }
                throw e;
            } finally {
                cutOff.cancel(false);
            }
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the call was interrupted", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener events) {
        long deadline = System.nanoTime() + requestTimeout.toNanos();
        CheckedStream listener = new CheckedStream(events);
        http.sendAsync(toJdk(request), BodyHandlers.ofInputStream()).whenComplete((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                listener.onError(cause instanceof HttpTimeoutException ? new TimeoutException(cause) : cause);
                return;
            }
            // As for a whole answer, the stream must end by the deadline; a stream the caller gave up on ends then too.
            ScheduledFuture<?> cutOff = DEADLINES.schedule(() -> close(response.body()),
                    Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            try (InputStream body = response.body()) {
                if (failed(response)) {
                    listener.onError(refusal(response, body));
                    return;
                }
                listener.onOpen(answer(response, null));
                parser.parse(new BoundedStream(body, MAX_ANSWER_BYTES), listener);
                listener.onClose();
            } catch (IOException | RuntimeException e) {
                listener.onError(e);
            } finally {
                cutOff.cancel(false);
            }
        });
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // Closing is only to break off a read that took too long.
        }
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(requestTimeout)
                .method(request.method().name(), request.body() == null ? BodyPublishers.noBody()
                        : BodyPublishers.ofString(request.body()));
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        return builder.build();
    }

    private static boolean failed(HttpResponse<?> response) {
        return response.statusCode() < 200 || response.statusCode() > 299;
    }

    private static ProviderRefusal refusal(HttpResponse<?> response, InputStream body) throws IOException {
        String text = new String(body.readNBytes(MAX_ERROR_BYTES), StandardCharsets.UTF_8);
        return new ProviderRefusal(response.statusCode(), text,
                response.headers().firstValue("Retry-After").flatMap(ProviderTransport::retryAfter).orElse(null));
    }

    /** {@code Retry-After} as seconds or as an HTTP date; anything else is ignored. */
    static Optional<Duration> retryAfter(String value) {
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Duration wait = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static SuccessfulHttpResponse answer(HttpResponse<?> response, String body) {
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map())
                .body(body).build();
    }
}
