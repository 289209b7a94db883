package dev.helix.benchmarks;

import jakarta.json.JsonObject;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives tasks through the whole lifecycle as a very quick operator would: creates them over REST, approves the
 * spec and the implementation the moment the push stream says a gate is reached, and notes when each is DONE.
 * A task that has said nothing for two seconds is read over REST as well; when that read finds a state the push
 * stream never announced, it counts as a missed event.
 */
final class TaskDriver implements AutoCloseable {

    private static final long QUIET_NANOS = Duration.ofSeconds(2).toNanos();

    private final HelixConnection helix;
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    private final Map<Long, String> arrivedEarly = new ConcurrentHashMap<>();
    private final AtomicInteger missedEvents = new AtomicInteger();
    private final ScheduledExecutorService reconciler = Executors.newSingleThreadScheduledExecutor();
    private final WebSocket stream;
    private volatile boolean streamLost;

    TaskDriver(HelixConnection helix) {
        this.helix = helix;
        this.stream = helix.openFleetStream(this::onEvent, () -> streamLost = true);
        reconciler.scheduleWithFixedDelay(this::readQuietTasks, 1, 1, TimeUnit.SECONDS);
    }

    /** Outcome of one run: latencies from creation to DONE, failures, events read over REST instead, a finished task. */
    record Run(LatencySummary summary, int failed, int missedEvents, long sampleTaskId) {
    }

    /** Runs {@code count} tasks, at most {@code concurrency} at a time, and waits for all of them to end. */
    Run run(int count, int concurrency, Duration timeout) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        CountDownLatch ended = new CountDownLatch(count);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failed = new AtomicInteger();
        AtomicLong sample = new AtomicLong();
        missedEvents.set(0);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            long created = System.nanoTime();
            long id = helix.post("/api/v1/tasks", "{\"title\":\"Benchmark task " + i + "\",\"prompt\":\"Add a health "
                    + "endpoint that reports the build version\"}", 201).getJsonNumber("id").longValue();
            InFlight task = new InFlight(created);
            task.done.whenComplete((end, error) -> {
                if (error == null) {
                    latencies.add(end - created);
                    sample.set(id);
                } else {
                    failed.incrementAndGet();
                }
                slots.release();
                ended.countDown();
            });
            inFlight.put(id, task);
            String status = arrivedEarly.remove(id);
            if (status != null) {
                task.lastAnnounced = status;
                advance(id, task, status);
            }
        }
        if (!ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(ended.getCount() + " tasks did not end within " + timeout + ": "
                    + inFlight.keySet());
        }
        if (streamLost) {
            throw new IllegalStateException("The push stream closed during the run; its figures would be REST polling's");
        }
        return new Run(LatencySummary.of(latencies, System.nanoTime() - start), failed.get(), missedEvents.get(),
                sample.get());
    }

    private void onEvent(JsonObject event) {
        if (!"TASK_STATUS_CHANGED".equals(event.getString("type", ""))) {
            return;
        }
        long id = event.getJsonNumber("taskId").longValue();
        String status = event.getString("status");
        InFlight task = inFlight.get(id);
        if (task == null) {
            // The creation answer has not been registered yet; whichever side takes the status back acts on it.
            arrivedEarly.put(id, status);
            task = inFlight.get(id);
            status = task == null ? null : arrivedEarly.remove(id);
            if (status == null) {
                return;
            }
        }
        task.lastAnnounced = status;
        advance(id, task, status);
    }

    private void advance(long id, InFlight task, String status) {
        task.lastNews = System.nanoTime();
        switch (status) {
            case "SPEC_REVIEW" -> approve(id, "SPEC");
            case "IMPLEMENTATION_REVIEW" -> approve(id, "IMPLEMENTATION");
            case "DONE" -> end(id, task, null);
            case "SPEC_FAILED", "IMPLEMENTATION_FAILED", "CANCELLED" ->
                    end(id, task, new IllegalStateException("task " + id + " ended " + status));
            default -> {
                // the agent is at work
            }
        }
    }

    /** Approves a gate; a 409 means the same decision was already taken (an event and a REST read both saw it). */
    private void approve(long id, String gate) {
        helix.postAsync("/api/v1/tasks/" + id + "/approvals", "{\"gate\":\"" + gate + "\",\"decision\":\"APPROVE\"}")
                .thenAccept(status -> {
                    if (status != 200 && status != 409) {
                        System.err.println("Approving the " + gate + " gate of task " + id + " answered " + status);
                    }
                });
    }

    private void end(long id, InFlight task, RuntimeException failure) {
        if (inFlight.remove(id, task)) {
            if (failure == null) {
                task.done.complete(System.nanoTime());
            } else {
                task.done.completeExceptionally(failure);
            }
        }
    }

    private void readQuietTasks() {
        long now = System.nanoTime();
        inFlight.forEach((id, task) -> {
            if (now - task.lastNews > QUIET_NANOS) {
                try {
                    String status = helix.get("/api/v1/tasks/" + id).getString("status");
                    if (!status.equals(task.lastAnnounced)) {
                        missedEvents.incrementAndGet();
                    }
                    advance(id, task, status);
                } catch (RuntimeException e) {
                    System.err.println("Reading task " + id + " failed: " + e.getMessage());
                }
            }
        });
    }

    @Override
    public void close() {
        reconciler.shutdownNow();
        stream.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    /** A task on its way, and when the harness last heard of it. */
    private static final class InFlight {

        final CompletableFuture<Long> done = new CompletableFuture<>();
        volatile long lastNews;
        volatile String lastAnnounced = "BACKLOG";

        InFlight(long created) {
            this.lastNews = created;
        }
    }
}
