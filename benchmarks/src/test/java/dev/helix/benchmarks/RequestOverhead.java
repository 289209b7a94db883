package dev.helix.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Requests per second and latency of one request sent over and over: a warm-up of a tenth as many (at least 100),
 * then the measured requests, from a given number of threads. Any answer but the expected status, and any request
 * that gets no answer, counts as a failure. The harness compares variants with it: the probe WAR's unauthenticated
 * ping (the HTTP round trip alone) against Helix's API with HTTP Basic and with an API key.
 */
final class RequestOverhead {

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    RequestOverhead(String base) {
        this.base = base;
    }

    /** One variant's figures: requests/s and latency percentiles, failures and what the first of them was. */
    record Result(String variant, LatencySummary summary, int failures, String firstFailure) {
    }

    /** A request to a path of the server under test, with the harness's timeout. */
    HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    Result measure(String variant, HttpRequest request, int expectedStatus, int requests, int threads)
            throws InterruptedException {
        run(request, expectedStatus, Math.max(100, requests / 10), threads,
                Collections.synchronizedList(new ArrayList<>()), new Failures());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(requests));
        Failures failures = new Failures();
        long start = System.nanoTime();
        run(request, expectedStatus, requests, threads, latencies, failures);
        return new Result(variant, LatencySummary.of(latencies, System.nanoTime() - start), failures.count.get(),
                failures.first.get());
    }

    private void run(HttpRequest request, int expectedStatus, int requests, int threads, List<Long> latencies,
            Failures failures) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(requests);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    long sent = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != expectedStatus) {
                            failures.add("answered " + status);
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                    latencies.add(System.nanoTime() - sent);
                }
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("requests did not finish within 10 minutes");
        }
    }

    /** How many requests failed, and how the first one did. */
    private static final class Failures {

        final AtomicInteger count = new AtomicInteger();
        final AtomicReference<String> first = new AtomicReference<>();

        void add(String failure) {
            count.incrementAndGet();
            first.compareAndSet(null, failure);
        }
    }
}
