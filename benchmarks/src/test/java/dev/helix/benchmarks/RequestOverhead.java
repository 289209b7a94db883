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

/**
 * What authentication, the rate limit and the permission check add to a request: the same number of GETs, from
 * the same number of threads, against the unauthenticated ping of the probe WAR (the HTTP round trip alone) and
 * against {@code GET /api/v1/me} with HTTP Basic (a credential-cache hit) and with an API key (a database
 * lookup by prefix and a SHA-256 comparison).
 */
final class RequestOverhead {

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    RequestOverhead(String base) {
        this.base = base;
    }

    /** One variant's figures: requests/s and latency percentiles, and how many requests did not answer 200. */
    record Result(String variant, LatencySummary summary, int failures) {
    }

    Result measure(String variant, String path, String authorization, int requests, int threads)
            throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder.build();
        run(request, Math.max(100, requests / 10), threads, Collections.synchronizedList(new ArrayList<>()),
                new AtomicInteger());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(requests));
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        run(request, requests, threads, latencies, failures);
        return new Result(variant, LatencySummary.of(latencies, System.nanoTime() - start), failures.get());
    }

    private void run(HttpRequest request, int requests, int threads, List<Long> latencies, AtomicInteger failures)
            throws InterruptedException {
        AtomicInteger left = new AtomicInteger(requests);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    long sent = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
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
}
