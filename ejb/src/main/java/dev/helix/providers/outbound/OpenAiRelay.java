package dev.helix.providers.outbound;

import dev.helix.providers.model.ProviderTimeoutException;
import dev.helix.providers.model.ProviderUnavailableException;
import dev.helix.providers.model.RegisteredProvider;
import dev.helix.providers.model.RelayAnswer;
import dev.helix.providers.model.RelayRequest;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Passes requests of OpenAI's protocol on to one registered endpoint, bodies unchanged, on the calling thread with
 * the JDK's blocking HTTP client (its keep-alive connections reused for the next call: no thread hand-offs, which
 * cost a relay more than the call itself). A whole answer is read by the request's deadline and up to
 * {@value ProviderTransport#MAX_ANSWER_BYTES} bytes; a stream is handed over as it arrives, and a read that waits
 * longer than the timeout for its next byte breaks it off; closing a stream before its end drops the connection, so
 * the provider stops. A connection that cannot be made or an answer that does not come in time is a
 * {@link ProviderUnavailableException} naming the provider and never its key.
 */
public final class OpenAiRelay {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /** The most of a refusal's body that is read: enough for any error message. */
    private static final int MAX_ERROR_BYTES = 64 * 1024;

    private final String provider;
    private final String baseUrl;
    private final String apiKey;

    public OpenAiRelay(RegisteredProvider registration, String apiKey) {
        this.provider = registration.getName();
        this.baseUrl = registration.getBaseUrl().endsWith("/") ? registration.getBaseUrl() : registration.getBaseUrl() + "/";
        this.apiKey = apiKey;
    }

    /** Sends the request and returns the answer: read whole, or, for a successful stream, open for reading. */
    public RelayAnswer send(RelayRequest request) {
        long deadline = System.nanoTime() + request.timeout().toNanos();
        HttpURLConnection connection = open(request);
        ScheduledFuture<?> cutOff = ProviderTransport.DEADLINES.schedule(connection::disconnect,
                request.timeout().toNanos(), TimeUnit.NANOSECONDS);
        boolean handedOver = false;
        try {
            // Buffered, not streamed: the headers and the body leave in one write, so no small second segment waits
            // for the first one's delayed acknowledgement.
            byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            boolean succeeded = status >= 200 && status <= 299;
            Duration retryAfter = connection.getHeaderField("Retry-After") == null ? null
                    : ProviderTransport.retryAfter(connection.getHeaderField("Retry-After")).orElse(null);
            if (succeeded && request.stream()) {
                cutOff.cancel(false); // from here on, the read timeout bounds the wait for each next piece
                handedOver = true;
                return new RelayAnswer(status, null, new Stream(connection.getInputStream(), connection));
            }
            InputStream answer = succeeded ? connection.getInputStream() : connection.getErrorStream();
            byte[] bytes = answer == null ? new byte[0] : readWhole(answer, succeeded ? ProviderTransport.MAX_ANSWER_BYTES
                    : MAX_ERROR_BYTES, succeeded);
            return new RelayAnswer(status, retryAfter, new ByteArrayInputStream(bytes));
        } catch (SocketTimeoutException e) {
            throw new ProviderTimeoutException("Model provider '" + provider + "' did not answer within " + request.timeout());
        } catch (IOException e) {
            if (System.nanoTime() >= deadline) {
                throw new ProviderTimeoutException("Model provider '" + provider + "' did not finish its answer within "
                        + request.timeout());
            }
            throw unavailable("could not be reached or broke off its answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + redacted(e.getMessage())) + ")");
        } finally {
            if (!handedOver) {
                cutOff.cancel(false);
            }
        }
    }

    private HttpURLConnection open(RelayRequest request) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + request.endpoint().path()).toURL()
                    .openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout((int) Math.min(Integer.MAX_VALUE, request.timeout().toMillis()));
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Accept", request.stream() ? "text/event-stream" : "application/json");
            if (apiKey != null && !apiKey.isEmpty()) {
                connection.setRequestProperty("Authorization", "Bearer " + apiKey);
            }
            return connection;
        } catch (IOException | IllegalArgumentException e) {
            throw unavailable("has an address that cannot be called (" + e.getClass().getSimpleName() + ")");
        }
    }

    private byte[] readWhole(InputStream answer, int limit, boolean succeeded) throws IOException {
        try (answer) {
            byte[] bytes = answer.readNBytes(limit + 1);
            if (bytes.length > limit && succeeded) {
                throw unavailable("answered with more than " + limit + " bytes");
            }
            return bytes.length > limit ? Arrays.copyOf(bytes, limit) : bytes;
        }
    }

    private ProviderUnavailableException unavailable(String what) {
        return new ProviderUnavailableException("Model provider '" + provider + "' " + what);
    }

    private String redacted(String text) {
        return apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, "(api key)");
    }

    /** A stream being relayed: closed before its end, it drops the connection rather than reading the rest. */
    private static final class Stream extends FilterInputStream {

        private final HttpURLConnection connection;
        private boolean ended;

        Stream(InputStream in, HttpURLConnection connection) {
            super(in);
            this.connection = connection;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            ended |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (ended) {
                super.close();
                return;
            }
            connection.disconnect();
            try {
                super.close();
            } catch (IOException dropped) {
                // the connection is gone already: that was the point
            }
        }
    }
}
