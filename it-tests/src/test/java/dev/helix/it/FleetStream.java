package dev.helix.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The portal's push stream ({@code /push/fleet}) as a browser receives it: whole JSON events, in order. */
final class FleetStream implements AutoCloseable {

    private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    FleetStream(String base, String authorization) {
        URI uri = URI.create(base.replaceFirst("^http", "ws") + "/push/fleet");
        socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", authorization)
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            events.add(Json.createReader(new StringReader(partial.toString())).readObject());
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).join();
        awaitOpened();
    }

    /** Waits for the stream's first message, sent once the server has registered it: nothing is missed after. */
    private void awaitOpened() {
        try {
            JsonObject first = events.poll(10, TimeUnit.SECONDS);
            if (first == null || !"STREAM_OPENED".equals(first.getString("type"))) {
                throw new AssertionError("the fleet stream did not open with STREAM_OPENED but with " + first);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The events about one task, in arrival order, up to the first with the given status and half a second
     * beyond it: events of transactions that commit close together may arrive out of order.
     */
    List<JsonObject> eventsOfTaskUntil(long taskId, String status, Duration timeout) throws InterruptedException {
        List<JsonObject> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean reached = false;
        while (System.nanoTime() < deadline) {
            JsonObject event = events.poll(50, TimeUnit.MILLISECONDS);
            if (event != null && event.containsKey("taskId") && event.getJsonNumber("taskId").longValue() == taskId) {
                seen.add(event);
                if (!reached && "TASK_STATUS_CHANGED".equals(event.getString("type"))
                        && status.equals(event.getString("status"))) {
                    reached = true;
                    deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
                }
            }
        }
        if (!reached) {
            throw new AssertionError("no " + status + " event for task " + taskId + " within " + timeout + "; seen: " + seen);
        }
        return seen;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    /** The first event of a type that matches, waiting at most {@code timeout} for it. */
    JsonObject awaitEvent(String type, Predicate<JsonObject> matching, Duration timeout) throws InterruptedException {
        List<JsonObject> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject event = events.poll(50, TimeUnit.MILLISECONDS);
            if (event != null && type.equals(event.getString("type")) && matching.test(event)) {
                return event;
            }
            if (event != null) {
                seen.add(event);
            }
        }
        throw new AssertionError("no matching " + type + " event within " + timeout + "; seen: " + seen);
    }
}
