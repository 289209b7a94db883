package dev.helix.benchmarks;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** The harness's line to the server under test: the REST API and the push stream, as user {@code admin}. */
final class HelixConnection {

    private final String base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    HelixConnection(String base, String user, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The HTTP Basic {@code Authorization} header of this connection's user. */
    String authorization() {
        return authorization;
    }

    /** Waits until the server reports ready and every path answers 200 (the applications have started). */
    void awaitReady(Duration timeout, String... paths) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (status("/health/ready") == 200 && Arrays.stream(paths).allMatch(path -> status(path) == 200)) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The server at " + base + " did not become ready within " + timeout);
    }

    JsonObject get(String path) {
        HttpResponse<String> response = send(request(path).GET().build());
        return expect(200, response);
    }

    /** The body of a plain-text resource (metrics), which must answer 200. */
    String text(String path) {
        HttpResponse<String> response = send(request(path).setHeader("Accept", "text/plain").GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode());
        }
        return response.body();
    }

    JsonObject post(String path, String json, int expected) {
        return expect(expected, send(post(path, json)));
    }

    /** Posts without waiting; the answer's status code completes the future. */
    CompletableFuture<Integer> postAsync(String path, String json) {
        return http.sendAsync(post(path, json), HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    /** Opens the fleet push stream; every whole message goes to the listener, a close or error to {@code onLost}. */
    WebSocket openFleetStream(Consumer<JsonObject> listener, Runnable onLost) {
        URI uri = URI.create(base.replaceFirst("^http", "ws") + "/push/fleet");
        return http.newWebSocketBuilder().header("Authorization", authorization)
                .buildAsync(uri, new JsonMessages(listener, onLost)).join();
    }

    private int status(String path) {
        return send(request(path).GET().build()).statusCode();
    }

    private HttpRequest post(String path, String json) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject expect(int expected, HttpResponse<String> response) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** Reassembles text frames into whole JSON messages. */
    private static final class JsonMessages implements WebSocket.Listener {

        private final Consumer<JsonObject> listener;
        private final Runnable onLost;
        private final StringBuilder partial = new StringBuilder();

        JsonMessages(Consumer<JsonObject> listener, Runnable onLost) {
            this.listener = listener;
            this.onLost = onLost;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            onLost.run();
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            onLost.run();
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                listener.accept(Json.createReader(new StringReader(partial.toString())).readObject());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}
