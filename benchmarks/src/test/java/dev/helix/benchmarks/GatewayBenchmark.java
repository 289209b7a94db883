package dev.helix.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the model gateway adds to a call: a local upstream that answers OpenAI's protocol instantly is called
 * directly and through Helix ({@code /v1/chat/completions} with an API key, an alias routing to that upstream), side by
 * side in one run. Whole answers: latency at one client and requests/s at 1, 8 and 32 concurrent clients; streams: the
 * time to the first event. The gateway's work per call (authentication, the budget check, routing, the relay, the
 * usage record and its metrics) is the difference.
 */
final class GatewayBenchmark implements AutoCloseable {

    private static final String MODEL = "bench-model";
    private static final String ALIAS = "bench-instant";
    private static final byte[] ANSWER = ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":0,\"model\":\""
            + MODEL + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":1,\"total_tokens\":10}}")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] STREAM = ("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"" + MODEL
            + "\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":null}]}\n\n"
            + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"" + MODEL
            + "\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"" + MODEL
            + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":1,\"total_tokens\":10}}\n\n"
            + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);

    private final HttpServer upstream;
    private final ExecutorService upstreamThreads = Executors.newFixedThreadPool(64);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String helix;
    private final String key;

    /** The reference variant: Liberty's HTTP round trip to a servlet that answers at once, without sign-in. */
    private static final String PING = "ping of an empty servlet on the server (reference)";

    /** One measured variant: whole answers or streams, directly or through the gateway, at a number of clients. */
    record Result(String variant, int clients, LatencySummary summary, int failures, String firstFailure) {
    }

    GatewayBenchmark(HelixConnection admin, String helixBase) {
        // The JDK's server sends headers and body in two writes: without TCP_NODELAY the second waits for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        upstream.createContext("/v1/chat/completions", GatewayBenchmark::answer);
        upstream.setExecutor(upstreamThreads);
        upstream.start();
        this.helix = helixBase;
        admin.post("/api/v1/admin/providers", "{\"name\":\"bench-upstream\",\"type\":\"OPENAI_COMPATIBLE\",\"baseUrl\":\""
                + upstreamBase() + "\",\"models\":[\"" + MODEL + "\"],\"requestTimeout\":\"PT30S\",\"maxRetries\":0}", 201);
        admin.post("/api/v1/admin/gateway/models", "{\"alias\":\"" + ALIAS + "\",\"deployments\":[{\"provider\":\"bench-upstream\","
                + "\"model\":\"" + MODEL + "\"}],\"timeout\":\"PT30S\"}", 201);
        this.key = admin.post("/api/v1/me/api-keys", "{\"name\":\"gateway benchmark\"}", 201).getString("key");
    }

    private String upstreamBase() {
        return "http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1";
    }

    /** The upstream: the same small answer at once, whole or as a stream, whatever was asked. */
    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            boolean stream = new String(body.readAllBytes(), StandardCharsets.UTF_8).contains("\"stream\":true");
            exchange.getResponseHeaders().add("Content-Type", stream ? "text/event-stream" : "application/json");
            byte[] bytes = stream ? STREAM : ANSWER;
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /**
     * Every variant, each after a warm-up: {@code requests} whole answers per client count, a tenth as many streams.
     * Before any of them, both paths are called for {@code warmUp} at 8 clients (whole answers and streams, directly
     * and through Helix), so that the server's code is compiled before it is timed.
     */
    List<Result> measure(int requests, Duration warmUp) throws InterruptedException {
        long until = System.nanoTime() + warmUp.toNanos();
        while (System.nanoTime() < until) {
            new Calls(2000).run(8, call(helix + "/v1", ALIAS, false, key), false);
            new Calls(500).run(8, call(helix + "/v1", ALIAS, true, key), true);
            new Calls(2000).run(8, call(upstreamBase(), MODEL, false, null), false);
            new Calls(500).run(8, call(upstreamBase(), MODEL, true, null), true);
        }
        List<Result> results = new ArrayList<>();
        // What the server's HTTP handling costs with no Helix work at all: the floor under the gateway's figure.
        results.add(run(PING, 1, requests, HttpRequest.newBuilder(URI.create(helix + "/helix-benchmarks/ping"))
                .timeout(Duration.ofSeconds(30)).GET().build()));
        for (int clients : new int[] {1, 8, 32}) {
            results.add(run("whole answer, direct", clients, requests, call(upstreamBase(), MODEL, false, null)));
            results.add(run("whole answer, through Helix", clients, requests, call(helix + "/v1", ALIAS, false, key)));
        }
        int streams = Math.max(100, requests / 10);
        results.add(run("stream, first event, direct", 1, streams, call(upstreamBase(), MODEL, true, null)));
        results.add(run("stream, first event, through Helix", 1, streams, call(helix + "/v1", ALIAS, true, key)));
        return results;
    }

    private HttpRequest call(String base, String model, boolean stream, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/chat/completions")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model
                        + "\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"Say ok\"}]}"));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return request.build();
    }

    /**
     * A warm-up of a tenth as many (at least 200), then the measured calls from {@code clients} threads. A whole answer's
     * latency is to its last byte; a stream's to its first event (the rest is read, untimed).
     */
    private Result run(String variant, int clients, int requests, HttpRequest request) throws InterruptedException {
        boolean stream = variant.startsWith("stream");
        Calls warmUp = new Calls(Math.max(200, requests / 10));
        warmUp.run(clients, request, stream);
        Calls measured = new Calls(requests);
        long start = System.nanoTime();
        measured.run(clients, request, stream);
        Result result = new Result(variant, clients, LatencySummary.of(measured.latencies, System.nanoTime() - start),
                measured.failures.size(), measured.failures.isEmpty() ? null : measured.failures.get(0));
        System.out.printf("Gateway: %s, %d clients: %.0f/s, p50 %.3f ms, p99 %.3f ms, %d failed%n", variant, clients,
                result.summary().perSecond(), result.summary().p50Millis(), result.summary().p99Millis(), result.failures());
        return result;
    }

    /** A number of calls shared out among threads; their latencies and failures. */
    private final class Calls {

        private final AtomicInteger left;
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());

        Calls(int count) {
            left = new AtomicInteger(count);
        }

        void run(int clients, HttpRequest request, boolean stream) throws InterruptedException {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        once(request, stream);
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("calls did not finish within 10 minutes");
            }
        }

        private void once(HttpRequest request, boolean stream) {
            long sent = System.nanoTime();
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() != 200) {
                        failures.add("answered " + response.statusCode() + ": " + new String(body.readAllBytes(), StandardCharsets.UTF_8));
                        return;
                    }
                    if (stream) {
                        firstEvent(body);
                        latencies.add(System.nanoTime() - sent);
                        body.readAllBytes();
                    } else {
                        body.readAllBytes();
                        latencies.add(System.nanoTime() - sent);
                    }
                }
            } catch (IOException | RuntimeException e) {
                failures.add(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads up to the end of the stream's first event (its blank line). */
    private static void firstEvent(InputStream body) throws IOException {
        int previous = -1;
        for (int b = body.read(); b != -1; b = body.read()) {
            if (b == '\n' && previous == '\n') {
                return;
            }
            previous = b;
        }
        throw new IOException("the stream ended before its first event");
    }

    /** The results as a markdown table, with the gateway's added latency at one client. */
    static String markdown(List<Result> results) {
        StringBuilder table = new StringBuilder("""

                The model gateway against an upstream that answers at once (whole answers: latency to the last byte; streams:
                to the first event):

                | variant | clients | calls | calls/s | p50 | p99 | failed |
                | --- | ---: | ---: | ---: | ---: | ---: | ---: |
                """);
        for (Result r : results) {
            table.append("| %s | %d | %d | %.0f | %.3f ms | %.3f ms | %d |%n".formatted(r.variant(), r.clients(), r.summary().count(),
                    r.summary().perSecond(), r.summary().p50Millis(), r.summary().p99Millis(), r.failures()));
        }
        for (String kind : new String[] {"whole answer", "stream, first event"}) {
            LatencySummary direct = find(results, kind + ", direct");
            LatencySummary gateway = find(results, kind + ", through Helix");
            table.append("%nAdded by the gateway, %s at one client: p50 %.3f ms, p99 %.3f ms.%n".formatted(kind,
                    gateway.p50Millis() - direct.p50Millis(), gateway.p99Millis() - direct.p99Millis()));
        }
        table.append("%nOf that, the server's own HTTP round trip (a servlet that does nothing, over the direct call): p50 %.3f ms.%n"
                .formatted(find(results, PING).p50Millis() - find(results, "whole answer, direct").p50Millis()));
        results.stream().filter(r -> r.firstFailure() != null).forEach(r -> table.append("%nFirst failure of %s: %s%n"
                .formatted(r.variant(), r.firstFailure())));
        return table.toString();
    }

    private static LatencySummary find(List<Result> results, String variant) {
        return results.stream().filter(r -> r.variant().equals(variant) && r.clients() == 1).findFirst().orElseThrow().summary();
    }

    @Override
    public void close() {
        upstream.stop(0);
        upstreamThreads.shutdownNow();
    }
}
