package dev.helix.benchmarks.probe;

import dev.helix.benchmarks.LatencySummary;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The step reference of the cost-per-request benchmark, measured inside the server under test: {@code GET
 * /helix-benchmarks/xa-step?threads=T&steps=N} puts T messages on the bench queue, then T workers of the default
 * managed executor loop, until N steps are done: begin a JTA transaction, receive a message (through Helix's
 * connection factory), add one to the worker's own row of {@code bench_step} in Helix's XA datasource, send the
 * next (persistent) message, commit: a dispatch step of Helix with no work in it. It answers steps/s, the latency
 * of a step from begin to commit, and the updates the table holds afterwards (one per committed step). Deployed
 * only on the benchmark server.
 */
@WebServlet("/xa-step")
public class XaStepServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_STEPS = 1_000_000;
    private static final int MAX_THREADS = 64;
    private static final long RECEIVE_TIMEOUT_MILLIS = 10_000;

    @Resource(lookup = "jms/helix/cf")
    private transient ConnectionFactory factory;

    @Resource(lookup = "jms/helix/bench")
    private transient Queue queue;

    @Resource(lookup = "jdbc/helix")
    private transient DataSource database;

    @Resource(lookup = "java:comp/UserTransaction")
    private transient UserTransaction transaction;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private transient ManagedExecutorService executor;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        int threads = ProbeParameters.bounded(request, "threads", 8, MAX_THREADS);
        int steps = ProbeParameters.bounded(request, "steps", 1000, MAX_STEPS);
        if (threads < 0 || steps < 0) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "threads must be 1.." + MAX_THREADS
                    + " and steps 1.." + MAX_STEPS);
            return;
        }
        try {
            response.setContentType("application/json");
            response.getWriter().write(measure(threads, steps).toString());
        } catch (SQLException | ExecutionException e) {
            throw new ServletException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException(e);
        }
    }

    private JsonObject measure(int threads, int steps) throws SQLException, ExecutionException, InterruptedException {
        resetRows(threads);
        refillQueue(threads);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(steps));
        AtomicInteger left = new AtomicInteger(steps);
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<Void>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int row = t;
            workers.add(executor.submit(() -> work(row, left, latencies, failed)));
        }
        for (Future<Void> worker : workers) {
            worker.get();
        }
        LatencySummary summary = LatencySummary.of(latencies, System.nanoTime() - start);
        refillQueue(0);
        return Json.createObjectBuilder()
                .add("threads", threads)
                .add("steps", summary.count())
                .add("failed", failed.get())
                .add("rowUpdates", committedUpdates())
                .add("seconds", summary.seconds())
                .add("stepsPerSecond", summary.perSecond())
                .add("p50Millis", summary.p50Millis())
                .add("p99Millis", summary.p99Millis())
                .add("maxMillis", summary.maxMillis())
                .build();
    }

    /** One worker: steps until none are left; a step that fails or finds no message is counted, not retried. */
    private Void work(int row, AtomicInteger left, List<Long> latencies, AtomicInteger failed) {
        while (left.getAndDecrement() > 0) {
            long begun = System.nanoTime();
            try {
                if (step(row)) {
                    latencies.add(System.nanoTime() - begun);
                } else {
                    failed.incrementAndGet();
                }
            } catch (Exception e) {
                failed.incrementAndGet();
                log("XA step failed", e);
            }
        }
        return null;
    }

    /** One transaction: receive, update, send, commit; rolled back when no message came or anything failed. */
    private boolean step(int row) throws Exception {
        transaction.begin();
        boolean moved = false;
        try (JMSContext context = factory.createContext(); JMSConsumer consumer = context.createConsumer(queue);
             Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE bench_step SET n = n + 1 WHERE id = ?")) {
            if (consumer.receive(RECEIVE_TIMEOUT_MILLIS) != null) {
                update.setInt(1, row);
                update.executeUpdate();
                context.createProducer().send(queue, "step");
                moved = true;
            }
        } finally {
            if (moved) {
                transaction.commit();
            } else {
                transaction.rollback();
            }
        }
        return moved;
    }

    /** Creates {@code bench_step} if it is missing and gives it one row per worker, each at 0. */
    private void resetRows(int rows) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_step (id INT PRIMARY KEY, n BIGINT NOT NULL)");
            statement.execute("DELETE FROM bench_step");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_step (id, n) VALUES (?, 0)")) {
                for (int id = 0; id < rows; id++) {
                    insert.setInt(1, id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** The sum of the rows' counts: the updates that committed, one per step that did. */
    private long committedUpdates() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet sum = statement.executeQuery("SELECT COALESCE(SUM(n), 0) FROM bench_step")) {
            sum.next();
            return sum.getLong(1);
        }
    }

    /** Empties the bench queue (what an earlier run left, or this run's messages) and puts {@code messages} on it. */
    private void refillQueue(int messages) {
        try (JMSContext context = factory.createContext(); JMSConsumer consumer = context.createConsumer(queue)) {
            while (consumer.receiveNoWait() != null) {
                // left over
            }
            for (int i = 0; i < messages; i++) {
                context.createProducer().send(queue, "step");
            }
        }
    }
}
