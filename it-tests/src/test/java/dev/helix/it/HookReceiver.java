package dev.helix.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP endpoint that spirals' HTTP_CALL steps and webhook deliveries call: it records each request (body and signature header)
 * and answers 500 to the first {@code failures} requests (or 503 while {@code down}), then 200 with a JSON body.
 */
final class HookReceiver implements AutoCloseable {

    /** One request received, with all its headers (names in lower case). */
    record Received(String method, String body, String signature, String header, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile boolean down;
    private volatile Predicate<String> failing = body -> true;

    HookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            received.add(new Received(exchange.getRequestMethod(), body, exchange.getRequestHeaders().getFirst("X-Helix-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Test"), headers));
            int status = down ? 503 : failing.test(body) && failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            byte[] answer = "{\"accepted\":true,\"echo\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    void failNext(int failures) {
        failNext(failures, body -> true);
    }

    /** Answers 500 to the next {@code failures} requests whose body matches; others are taken. */
    void failNext(int failures, Predicate<String> body) {
        failing = body;
        failuresLeft.set(failures);
    }

    void down(boolean down) {
        this.down = down;
    }

    List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
