package dev.helix.benchmarks;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spiral runs per second and per-run overhead for a 3-step spiral (set a variable, branch on it, set another):
 * steps that do nothing outside Helix, so the figures are the cost of a run itself: queueing it, starting its
 * Jakarta Batch job, three step transactions with their records, and completing it. A closed loop of
 * {@code concurrency} clients each starts a run and polls it (every 10 ms) until it completes. Latencies come
 * from the run's own timestamps: queued → started (the job start) and queued → ended.
 */
final class SpiralRunBenchmark {

    private static final String SPIRAL = """
            {"name":"benchmark-3-steps","trigger":{"type":"MANUAL"},"steps":[
              {"id":"count","type":"SET_VARIABLE","name":"n","value":"coalesce(input.n, 0) + 1"},
              {"id":"check","type":"BRANCH","condition":"n > 0","then":"done"},
              {"id":"done","type":"SET_VARIABLE","name":"result","value":"'run ' + text(n)"}]}""";

    /** One measured batch of runs. */
    record Result(int concurrency, LatencySummary total, LatencySummary toStart, int failed) {
    }

    private final HelixConnection helix;
    private final long spiral;

    SpiralRunBenchmark(HelixConnection helix) {
        this.helix = helix;
        this.spiral = helix.post("/api/v1/spirals", SPIRAL, 201).getJsonNumber("id").longValue();
    }

    Result measure(int runs, int concurrency) throws InterruptedException {
        List<Long> total = Collections.synchronizedList(new ArrayList<>());
        List<Long> toStart = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger left = new AtomicInteger(runs);
        AtomicInteger failed = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long began = System.nanoTime();
        List<Future<?>> loops = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            loops.add(clients.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    JsonObject run = awaitEnd(helix.post("/api/v1/spirals/" + spiral + "/runs", "{\"n\":1}", 202)
                            .getJsonNumber("id").longValue());
                    if (!run.getString("status").equals("COMPLETED")) {
                        failed.incrementAndGet();
                        continue;
                    }
                    Instant created = Instant.parse(run.getString("createdAt"));
                    total.add(Duration.between(created, Instant.parse(run.getString("endedAt"))).toNanos());
                    toStart.add(Duration.between(created, Instant.parse(run.getString("startedAt"))).toNanos());
                }
                return null;
            }));
        }
        for (Future<?> loop : loops) {
            try {
                loop.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a benchmark client failed", e.getCause());
            }
        }
        long wall = System.nanoTime() - began;
        clients.shutdown();
        return new Result(concurrency, LatencySummary.of(total, wall), LatencySummary.of(toStart, wall), failed.get());
    }

    private JsonObject awaitEnd(long run) {
        while (true) {
            JsonObject state = helix.get("/api/v1/spirals/" + spiral + "/runs/" + run);
            if (state.getString("status").matches("COMPLETED|FAILED|STOPPED")) {
                return state;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static String markdown(List<Result> results) {
        StringBuilder table = new StringBuilder("""

                Spiral runs (a 3-step spiral: SET_VARIABLE, BRANCH, SET_VARIABLE; each run a batch job execution):

                | runs in flight | runs | runs/s | queued → ended p50 | p99 | queued → job started p50 | p99 | failed |
                | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                """);
        results.forEach(r -> table.append("| %d | %d | %.1f | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d |%n".formatted(
                r.concurrency(), r.total().count(), r.total().perSecond(), r.total().p50Millis(), r.total().p99Millis(),
                r.toStart().p50Millis(), r.toStart().p99Millis(), r.failed())));
        return table.toString();
    }
}
