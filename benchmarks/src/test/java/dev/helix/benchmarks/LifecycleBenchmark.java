package dev.helix.benchmarks;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * The lifecycle load harness: against a running Helix (offline provider, zero per-item delay) it first measures
 * the raw JMS send/receive rate on the same server through the JMS probe, then drives a warm-up and a measured
 * run of tasks through both gates to DONE, and reports tasks/s and p50/p99 creation-to-DONE latency; then the probe's
 * bare XA step as the reference of a task step, reads with an API key and with HTTP Basic against the unauthenticated
 * ping ({@link RequestOverhead}), spiral runs per second ({@link SpiralRunBenchmark}; {@code bench.lifecycle=false}
 * measures only those), the write, {@code POST /api/v1/tasks}, and last the model gateway ({@link GatewayBenchmark};
 * {@code bench.only=gateway} measures only that; {@code bench.only=lifecycle} stops after the lifecycle, whose CPU
 * time per task it reads from the servers of {@code bench.cpu.urls}, default the one measured; {@code
 * bench.jms.messages=0} leaves out the JMS probe, for servers without it). Settings
 * come from system properties ({@code bench.*}, see the benchmarks pom); the report goes to stdout and to
 * {@code bench.report} as markdown.
 */
public final class LifecycleBenchmark {

    /** Work orders through the dispatch queue of one task of the harness's prompt (4 checklist items). */
    private static final int ORDERS_PER_TASK = 11;

    private LifecycleBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        String url = System.getProperty("bench.url", "http://localhost:29080");
        int tasks = Integer.getInteger("bench.tasks", 200);
        int concurrency = Integer.getInteger("bench.concurrency", 8);
        int warmup = Integer.getInteger("bench.warmup", 20);
        int jmsMessages = Integer.getInteger("bench.jms.messages", 5000);
        Path report = Path.of(System.getProperty("bench.report", "benchmark-results.md"));
        HelixConnection helix = new HelixConnection(url, "admin", System.getProperty("bench.password"));

        boolean probe = jmsMessages > 0;
        helix.awaitReady(Duration.ofMinutes(5), probe
                ? new String[] {"/api/v1/agents/pool", "/helix-benchmarks/jms?messages=1"}
                : new String[] {"/api/v1/agents/pool"});
        String only = System.getProperty("bench.only", "");
        if ("gateway".equals(only)) {
            Files.writeString(report, gatewayMarkdown(helix, url));
            System.out.println("Report: " + report.toAbsolutePath());
            return;
        }
        JsonObject jms = null;
        if (probe) {
            helix.get("/helix-benchmarks/jms?messages=" + Math.max(1, jmsMessages / 10));
            jms = helix.get("/helix-benchmarks/jms?messages=" + jmsMessages);
            System.out.printf("JMS reference: %d persistent messages, %.0f sent/s, %.0f received/s%n", jmsMessages,
                    jms.getJsonNumber("sendPerSecond").doubleValue(), jms.getJsonNumber("receivePerSecond").doubleValue());
        }

        boolean lifecycle = Boolean.parseBoolean(System.getProperty("bench.lifecycle", "true"));
        String key = lifecycle
                ? helix.post("/api/v1/me/api-keys", "{\"name\":\"request benchmark\"}", 201).getString("key") : null;
        StringBuilder markdown = new StringBuilder();
        if (lifecycle) {
            CpuMeter cpu = new CpuMeter(Arrays.stream(System.getProperty("bench.cpu.urls", url).split(","))
                    .map(server -> new HelixConnection(server.strip(), "admin", System.getProperty("bench.password")))
                    .toList());
            TaskDriver.Run run;
            CpuMeter.Reading perTask;
            try (TaskDriver driver = new TaskDriver(helix)) {
                System.out.printf("Warm-up: %d tasks%n", warmup);
                driver.run(warmup, concurrency, Duration.ofMinutes(10));
                System.out.printf("Measuring: %d tasks, %d in flight%n", tasks, concurrency);
                CpuMeter.Reading before = cpu.read();
                run = driver.run(tasks, concurrency, Duration.ofMinutes(30));
                perTask = before.perTask(cpu.read(), tasks);
            }
            JsonObject progress = helix.get("/api/v1/tasks/" + run.sampleTaskId() + "/progress");
            System.out.println("Lifecycle: " + run.summary() + ", failed " + run.failed() + ", states push never announced "
                    + run.missedEvents() + String.format(", CPU per task: servers %.3f s, machine %.3f s",
                    perTask.serverSeconds(), perTask.machineSeconds()));
            markdown.append(markdown(url, tasks, concurrency, warmup, jms, run, progress.getInt("total"), perTask));
            if ("lifecycle".equals(only)) {
                Files.writeString(report, markdown.toString());
                System.out.println("Report: " + report.toAbsolutePath());
                return;
            }
            markdown.append(stepMarkdown(helix, run, ORDERS_PER_TASK))
                    .append(overheadMarkdown("Reads", requestOverhead(url, helix, key, run.sampleTaskId())));
        }
        markdown.append(SpiralRunBenchmark.markdown(spiralRuns(helix)));
        if (lifecycle) {
            markdown.append(overheadMarkdown("The write", writeCost(url, key)));
        }
        markdown.append(gatewayMarkdown(helix, url));
        Files.writeString(report, markdown.toString());
        System.out.println("Report: " + report.toAbsolutePath());
    }

    /** The model gateway's added latency and throughput against an upstream that answers at once. */
    private static String gatewayMarkdown(HelixConnection helix, String url) throws InterruptedException {
        try (GatewayBenchmark gateway = new GatewayBenchmark(helix, url)) {
            return GatewayBenchmark.markdown(gateway.measure(Integer.getInteger("bench.gateway.calls", 2000),
                    Duration.parse(System.getProperty("bench.gateway.warm-up", "PT60S"))));
        }
    }

    /** A warm-up, then runs of the 3-step spiral with one run in flight (the per-run overhead) and with several. */
    private static List<SpiralRunBenchmark.Result> spiralRuns(HelixConnection helix) throws InterruptedException {
        int runs = Integer.getInteger("bench.spiral.runs", 300);
        SpiralRunBenchmark spirals = new SpiralRunBenchmark(helix);
        spirals.measure(Math.max(1, runs / 5), 4);
        List<SpiralRunBenchmark.Result> results = new java.util.ArrayList<>();
        for (int concurrency : new int[] {1, Integer.getInteger("bench.spiral.concurrency", 8)}) {
            SpiralRunBenchmark.Result result = spirals.measure(concurrency == 1 ? Math.max(1, runs / 3) : runs, concurrency);
            System.out.printf("Spiral runs, %d in flight: %s; queued to job start p50 %.1f ms; %d failed%n", concurrency,
                    result.total(), result.toStart().p50Millis(), result.failed());
            results.add(result);
        }
        return results;
    }

    /**
     * The same number of requests, side by side on one server: the unauthenticated ping (the reference), a read of
     * one task with an API key and with HTTP Basic, and {@code GET /api/v1/me} with an API key.
     */
    private static List<RequestOverhead.Result> requestOverhead(String url, HelixConnection helix, String key,
            long taskId) throws InterruptedException {
        int requests = Integer.getInteger("bench.requests", 5000);
        int threads = Integer.getInteger("bench.request.threads", 8);
        RequestOverhead probe = new RequestOverhead(url);
        String task = "/api/v1/tasks/" + taskId;
        List<RequestOverhead.Result> results = List.of(
                probe.measure("ping, no sign-in (reference)", probe.to("/helix-benchmarks/ping").build(), 200, requests,
                        threads),
                probe.measure("GET " + task + ", API key", probe.to(task).header("X-API-Key", key).build(), 200,
                        requests, threads),
                probe.measure("GET " + task + ", HTTP Basic",
                        probe.to(task).header("Authorization", helix.authorization()).build(), 200, requests, threads),
                probe.measure("GET /api/v1/me, API key", probe.to("/api/v1/me").header("X-API-Key", key).build(), 200,
                        requests, threads));
        results.forEach(LifecycleBenchmark::print);
        return results;
    }

    /**
     * The write: {@code POST /api/v1/tasks} with an API key, against a fresh ping in the same minute. Measured last,
     * since every task it creates goes on to its agents' work.
     */
    private static List<RequestOverhead.Result> writeCost(String url, String key) throws InterruptedException {
        int requests = Integer.getInteger("bench.write.requests", 1000);
        int threads = Integer.getInteger("bench.request.threads", 8);
        RequestOverhead probe = new RequestOverhead(url);
        List<RequestOverhead.Result> results = List.of(
                probe.measure("ping, no sign-in (reference)", probe.to("/helix-benchmarks/ping").build(), 200, requests,
                        threads),
                probe.measure("POST /api/v1/tasks, API key", probe.to("/api/v1/tasks").header("X-API-Key", key)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"title\":\"Write benchmark\",\"prompt\":\"Add a health check endpoint\"}")).build(),
                        201, requests, threads));
        results.forEach(LifecycleBenchmark::print);
        return results;
    }

    private static void print(RequestOverhead.Result r) {
        System.out.printf("Requests, %s: %.0f/s, p50 %.2f ms, p99 %.2f ms, %d failed%s%n", r.variant(),
                r.summary().perSecond(), r.summary().p50Millis(), r.summary().p99Millis(), r.failures(),
                r.firstFailure() == null ? "" : " (first: " + r.firstFailure() + ")");
    }

    /** A table of request variants; the first row is the reference each ratio divides by. */
    private static String overheadMarkdown(String title, List<RequestOverhead.Result> results) {
        double reference = results.get(0).summary().perSecond();
        StringBuilder table = new StringBuilder("""

                %s (%d requests per variant from %d threads, after a warm-up):

                | variant | requests/s | ratio to the ping | p50 | p99 | failed |
                | --- | ---: | ---: | ---: | ---: | ---: |
                """.formatted(title, results.get(0).summary().count(), Integer.getInteger("bench.request.threads", 8)));
        results.forEach(r -> table.append("| %s | %.0f | %.2f | %.2f ms | %.2f ms | %d |%n".formatted(r.variant(),
                r.summary().perSecond(), r.summary().perSecond() / reference, r.summary().p50Millis(),
                r.summary().p99Millis(), r.failures())));
        return table.toString();
    }

    /**
     * The step reference: the probe's bare XA step (receive, update a row, send, one transaction) from as many
     * threads as Helix has dispatch workers, against the lifecycle's work orders per second.
     */
    private static String stepMarkdown(HelixConnection helix, TaskDriver.Run run, int ordersPerTask) {
        int threads = Integer.getInteger("bench.step.threads", 4);
        int steps = Integer.getInteger("bench.steps", 5000);
        helix.get("/helix-benchmarks/xa-step?threads=" + threads + "&steps=" + Math.max(100, steps / 10));
        JsonObject xa = helix.get("/helix-benchmarks/xa-step?threads=" + threads + "&steps=" + steps);
        double stepsPerSecond = xa.getJsonNumber("stepsPerSecond").doubleValue();
        double ordersPerSecond = run.summary().perSecond() * ordersPerTask;
        System.out.printf("Bare XA step, %d threads: %.0f steps/s, p50 %.2f ms, p99 %.2f ms, %d failed, %d row updates%n",
                threads, stepsPerSecond, xa.getJsonNumber("p50Millis").doubleValue(),
                xa.getJsonNumber("p99Millis").doubleValue(), xa.getInt("failed"), xa.getJsonNumber("rowUpdates").longValue());
        return """

                Step cost: the bare XA step of the probe (%d threads, %d steps): **%.0f steps/s**, p50 %.2f ms, p99 %.2f ms,
                %d failed; the lifecycle's work orders: %.2f tasks/s × %d orders = **%.0f orders/s**, so a task step costs
                **%.1f×** the bare XA step.
                """.formatted(threads, xa.getInt("steps"), stepsPerSecond, xa.getJsonNumber("p50Millis").doubleValue(),
                xa.getJsonNumber("p99Millis").doubleValue(), xa.getInt("failed"), run.summary().perSecond(),
                ordersPerTask, ordersPerSecond, stepsPerSecond / ordersPerSecond);
    }

    private static String markdown(String url, int tasks, int concurrency, int warmup, JsonObject jms,
            TaskDriver.Run run, int checklistItems, CpuMeter.Reading perTask) {
        LatencySummary s = run.summary();
        String reference = jms == null
                ? "measured apart, on the broker (bench.jms.messages=0)"
                : "%d persistent messages of %d bytes, **%.0f sent/s**, **%.0f received/s**".formatted(jms.getInt("messages"),
                        jms.getInt("bytes"), jms.getJsonNumber("sendPerSecond").doubleValue(),
                        jms.getJsonNumber("receivePerSecond").doubleValue());
        return """
                ### Run of %s

                - Server: %s, harness on the same machine; %d cores, %s, Java %s
                - Settings: %d tasks after %d warm-up, %d in flight, offline provider, zero per-item delay,
                  %d checklist items per task
                - Lifecycle (creation to DONE through both gates): **%.2f tasks/s**, p50 **%.0f ms**,
                  p99 **%.0f ms**, max %.0f ms; %d failed; %d states found over REST that push had not announced
                - CPU per task: Helix's servers **%.3f s**, the whole machine %.3f s
                - JMS reference (same run): %s
                """.formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), url,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"), System.getProperty("java.version"),
                tasks, warmup, concurrency, checklistItems, s.perSecond(), s.p50Millis(), s.p99Millis(),
                s.maxMillis(), run.failed(), run.missedEvents(), perTask.serverSeconds(), perTask.machineSeconds(),
                reference);
    }
}
