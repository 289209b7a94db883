package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.testing.LocalPostgres;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Helix scaled out: two Liberty servers, {@code helix-node-a} and {@code helix-node-b}, each made of the production
 * server folder that the container image copies and configured as a container is, by its environment alone, behind
 * HAProxy (round-robin, no sticky sessions), sharing one PostgreSQL (Helix's tables, Liberty's
 * timers, batch repository and HTTP sessions) and an ActiveMQ Artemis live/backup pair ({@link ProductionTopology}, started here). Work orders
 * are taken by both servers and each is done once; fleet events reach browsers on either server; a browser signed in
 * on one server is signed in on the other; an API key's rate limit holds across both; a schedule fires once per
 * minute, not once per server; the live broker killed, the servers carry on with the backup; PostgreSQL crashed and
 * restarted under load, requests are refused with a 503 problem, never hang, are served again once it is back, and
 * every task accepted is done; a server killed with 1,000 tasks in flight, the agents' work on every task is still
 * done exactly once, on the survivor and on the server once it is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final List<String> IMMEDIATE_LIFECYCLE = List.of("BACKLOG", "IMPLEMENTATION_QUEUED", "IMPLEMENTATION",
            "IMPLEMENTATION_REVIEW", "DONE");
    private static final Pattern ORDERS_TAKEN = Pattern.compile("(?m)^helix_dispatch_orders_total\\{[^}]*} ([0-9.]+)");
    private static final String RITUAL = "every-minute-rollup";
    private static ProductionTopology cluster;
    private static StandaloneServer nodeA;
    private static StandaloneServer nodeB;
    private static LocalPostgres postgres;
    private static Instant schedulesSince;
    private static long cronSpiral;

    /**
     * Both servers, with the tests' pace: a worker's step, how soon work a killed server left is taken up (its orders,
     * its branches left in PostgreSQL), eight coding agents per server for the 1,000 tasks; and the tests' one
     * administrator makes thousands of requests a minute between both servers.
     */
    @BeforeAll
    static void startTheCluster() throws Exception {
        cluster = ProductionTopology.start(2, Map.of("HELIX_RATE_LIMIT_PER_MINUTE", "1000000",
                "HELIX_WORKER_STEP_DELAY", "PT0.05S", "HELIX_DISPATCH_STALL_AFTER", "PT10S", "HELIX_WORKER_STEP_LEASE", "PT10S",
                "HELIX_TRANSACTIONS_ABANDONED_AFTER", "PT1M", "HELIX_AGENTS_MAX_PER_ROLE", "8"));
        nodeA = cluster.servers().get(0);
        nodeB = cluster.servers().get(1);
        postgres = cluster.postgres();
        scheduleEveryMinute();
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void everyWorkOrderIsDoneOnceWithBothServersTakingThem() throws Exception {
        HelixClient admin = HelixClient.admin().at(cluster.baseUrl());
        double takenByA = ordersTaken(nodeA);
        double takenByB = ordersTaken(nodeB);

        List<Long> tasks = inParallel(40, i -> createImmediateTask(admin, "Shared work " + i));
        awaitAll(tasks, "IMPLEMENTATION_REVIEW", Duration.ofMinutes(3));
        inParallel(tasks.size(), i -> approveImplementation(admin, tasks.get((int) i)));

        assertEachWentThrough(tasks, IMMEDIATE_LIFECYCLE);
        assertTrue(ordersTaken(nodeA) > takenByA && ordersTaken(nodeB) > takenByB,
                "both servers took work orders: " + ordersTaken(nodeA) + " and " + ordersTaken(nodeB));
    }

    @Test
    @Order(2)
    void fleetEventsReachBrowsersOnEitherServer() throws Exception {
        HelixClient onA = HelixClient.admin().at(nodeA.baseUrl());
        try (FleetStream streamOnA = onA.fleetStream();
             FleetStream streamOnB = HelixClient.admin().at(nodeB.baseUrl()).fleetStream()) {
            long id = createImmediateTask(onA, "Watched from both servers");

            streamOnA.eventsOfTaskUntil(id, "IMPLEMENTATION_REVIEW", Duration.ofMinutes(1));
            streamOnB.eventsOfTaskUntil(id, "IMPLEMENTATION_REVIEW", Duration.ofMinutes(1));
        }
    }

    @Test
    @Order(3)
    void aBrowserSignedInOnOneServerIsSignedInOnTheOther() throws Exception {
        PortalVisitor onA = PortalVisitor.overHttp(nodeA.baseUrl());
        PortalVisitor onB = onA.at(nodeB.baseUrl());

        // The sign-in page's form comes from one server, and is posted to the other.
        HttpResponse<String> signedIn = onB.post("/login.xhtml", PortalVisitor.signInForm(onA.get("/login.xhtml").body()));
        assertEquals(302, signedIn.statusCode(), signedIn.body());

        for (PortalVisitor server : List.of(onA, onB)) {
            HttpResponse<String> dashboard = server.get("/dashboard.xhtml");
            assertEquals(200, dashboard.statusCode(), "signed in on both servers: " + dashboard.headers().map());
            assertTrue(dashboard.body().contains("Sign out"), "the dashboard of a signed-in user");
        }
    }

    @Test
    @Order(4)
    void anApiKeysRateLimitIsCountedAcrossBothServers() throws Exception {
        String key = HelixClient.admin().at(cluster.baseUrl()).post("/api/v1/me/api-keys",
                "{\"name\":\"limited across servers\",\"rateLimitPerMinute\":10}").expect(201).object().getString("key");
        while (Instant.now().atZone(ZoneOffset.UTC).getSecond() > 40) {
            HelixClient.sleep(1000); // all requests in one minute: the allowance is per calendar minute
        }

        List<Long> statuses = inParallel(30, i -> (long) HelixClient.withBearer(key)
                .at((i % 2 == 0 ? nodeA : nodeB).baseUrl()).get("/api/v1/tasks?limit=1").status());

        assertEquals(Map.of(200L, 10L, 429L, 20L), statuses.stream().collect(Collectors.groupingBy(s -> s,
                TreeMap::new, Collectors.counting())), "ten requests served between the two servers, the rest refused");
    }

    @Test
    @Order(5)
    void aScheduleFiresOncePerMinuteNotOncePerServer() {
        Instant firstWhole = schedulesSince.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        Instant lastWhole = firstWhole.plus(2, ChronoUnit.MINUTES);
        while (Instant.now().isBefore(lastWhole.plusSeconds(20))) {
            HelixClient.sleep(1000);
        }
        HelixClient admin = HelixClient.admin().at(cluster.baseUrl());
        admin.put("/api/v1/rituals/" + RITUAL, "{\"enabled\":false}").expect(200);
        admin.delete("/api/v1/spirals/" + cronSpiral).expect(204);

        List<String> minutes = LongStream.rangeClosed(0, 2).mapToObj(m -> "cron:" + firstWhole.plus(m, ChronoUnit.MINUTES))
                .toList();
        for (String key : List.of("spiral:" + cronSpiral, "ritual:" + RITUAL)) {
            for (String minute : minutes) {
                String fired = "Schedule " + key + " fired for " + minute.substring("cron:".length());
                assertEquals(1, nodeA.logLines(fired) + nodeB.logLines(fired), "fired on one server only: " + fired);
            }
        }
        assertEquals(minutes, postgres.strings("helix", "SELECT trigger_key FROM spiral_run WHERE spiral_id = ? "
                + "AND trigger_key >= ? AND trigger_key <= ? ORDER BY trigger_key", cronSpiral, minutes.get(0), minutes.get(2)),
                "one spiral run for each minute");
        assertEquals(minutes, postgres.strings("helix", "SELECT trigger_key FROM ritual_run WHERE ritual_name = ? "
                + "AND trigger_key >= ? AND trigger_key <= ? ORDER BY trigger_key", RITUAL, minutes.get(0), minutes.get(2)),
                "one ritual run for each minute");
    }

    @Test
    @Order(6)
    void theLiveBrokerKilledTheServersCarryOnWithTheBackup() throws Exception {
        HelixClient admin = HelixClient.admin().at(cluster.baseUrl());
        List<Long> before = inParallel(20, i -> createImmediateTask(admin, "Sent before the broker died " + i));

        cluster.brokers().get(0).kill();
        cluster.brokers().get(1).awaitLog("AMQ221010", Duration.ofMinutes(1)); // backup server is now active

        List<Long> after = inParallel(20, i -> createImmediateTaskOnceServed(admin, "Sent after the broker died " + i));
        List<Long> all = new ArrayList<>(before);
        all.addAll(after);
        awaitAll(all, "IMPLEMENTATION_REVIEW", Duration.ofMinutes(3));
        inParallel(all.size(), i -> approveImplementation(admin, all.get((int) i)));
        assertEachWentThrough(all, IMMEDIATE_LIFECYCLE);
    }

    @Test
    @Order(7)
    void postgreSqlCrashedAndRestartedUnderLoadRequestsAreRefusedCleanlyAndNothingAcceptedIsLost() throws Exception {
        HelixClient admin = HelixClient.admin().at(cluster.baseUrl());
        List<HelixClient.Answer> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> clients = new ArrayList<>();
        try {
            for (int thread = 0; thread < 4; thread++) {
                int n = thread;
                clients.add(load.submit(() -> {
                    for (int i = 0; loading.get(); i++) {
                        answers.add(n % 2 == 0 ? admin.get("/api/v1/tasks?limit=5") : admin.post("/api/v1/tasks",
                                "{\"title\":\"Under load " + n + "-" + i + "\",\"prompt\":\"Wait\",\"justDoIt\":true}"));
                        HelixClient.sleep(100);
                    }
                    return null;
                }));
            }
            HelixClient.sleep(3000);
            postgres.crash();
            HelixClient.sleep(5000);
            postgres.startAgain();
            HelixClient.sleep(20_000);
        } finally {
            loading.set(false);
            load.shutdown();
            assertTrue(load.awaitTermination(1, TimeUnit.MINUTES), "no request hangs");
        }
        for (Future<?> client : clients) {
            client.get(); // a request that took longer than the client's 30 s fails here
        }

        List<HelixClient.Answer> all = List.copyOf(answers);
        for (HelixClient.Answer answer : all) {
            if (answer.status() == 503) {
                String type = answer.tellsNoInternals().problem(503).getString("type").replaceFirst(".*/", "");
                assertTrue(type.equals("database-unavailable") || type.equals("commit-in-doubt"), answer::toString);
            } else {
                assertTrue(answer.status() == 200 || answer.status() == 201, answer::toString);
            }
        }
        assertTrue(all.stream().anyMatch(a -> a.status() == 503), "requests were refused while the database was down");
        List<HelixClient.Answer> afterwards = all.subList(all.size() - 8, all.size());
        assertTrue(afterwards.stream().allMatch(a -> a.status() / 100 == 2), () -> "served again: " + afterwards);
        List<Long> accepted = all.stream().filter(a -> a.status() == 201).map(a -> a.object().getJsonNumber("id").longValue())
                .toList();
        awaitAll(accepted, "IMPLEMENTATION_REVIEW", Duration.ofMinutes(4));
        awaitNoTransactionInDoubt(Duration.ofMinutes(3));
    }

    @Test
    @Order(8)
    void aServerKilledWithAThousandTasksInFlightLosesNoneAndRepeatsNone() throws Exception {
        HelixClient admin = HelixClient.admin().at(cluster.baseUrl());
        List<Long> tasks = inParallel(1000, i -> createImmediateTask(admin, "In flight " + i));
        awaitCount(tasks, "IMPLEMENTATION_REVIEW", 100, Duration.ofMinutes(5));

        nodeB.kill();
        HelixClient.sleep(5000);
        nodeB.start();

        // Every task's agent work done once: what is left is the people's approval (the first tests take tasks on to DONE).
        awaitAll(tasks, "IMPLEMENTATION_REVIEW", Duration.ofMinutes(10));
        assertEachWentThrough(tasks, IMMEDIATE_LIFECYCLE.subList(0, IMMEDIATE_LIFECYCLE.indexOf("DONE")));
        JsonObject chain = admin.get("/api/v1/admin/audit/verify").expect(200).object();
        assertTrue(chain.getBoolean("intact"), chain::toString);
        awaitNoTransactionInDoubt(Duration.ofMinutes(3));
        if (nodeB.logLines("WTRN0135I") == 0) { // it had transactions in doubt to settle: the broker's part too
            assertTrue(nodeB.logLines("WTRN0133I") > 0, () -> "the restarted server's transaction recovery did not "
                    + "complete: " + nodeB.recoveryReport());
        }
    }

    /** A cron spiral and a ritual, each scheduled every minute from now on. */
    private static void scheduleEveryMinute() {
        HelixClient admin = HelixClient.admin().at(cluster.baseUrl());
        cronSpiral = admin.post("/api/v1/spirals", """
                {"name":"every-minute","trigger":{"type":"CRON","cron":"* * * * *"},"steps":[
                  {"id":"mark","type":"SET_VARIABLE","name":"marked","value":"1"}
                ]}""").expect(201).object().getJsonNumber("id").longValue();
        admin.put("/api/v1/rituals/" + RITUAL, "{\"description\":\"Rolls up every minute\",\"stages\":[\"metrics-rollup\"],"
                + "\"cron\":\"* * * * *\",\"enabled\":true}").expect(200);
        schedulesSince = Instant.now();
    }

    /**
     * Creates a task as a client should while the servers fail over to the backup broker: a request refused with
     * {@code 503 messaging-unavailable} was not carried out, and is sent again after its {@code Retry-After}, for up
     * to a minute.
     */
    private static long createImmediateTaskOnceServed(HelixClient client, String title) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        String body = immediateTask(title);
        HelixClient.Answer answer = client.post("/api/v1/tasks", body);
        while (answer.status() == 503 && Instant.now().isBefore(deadline)) {
            assertEquals("messaging-unavailable", answer.problem(503).getString("type").replaceFirst(".*/", ""), answer::toString);
            HelixClient.sleep(Long.parseLong(answer.retryAfter()) * 1000);
            answer = client.post("/api/v1/tasks", body);
        }
        return answer.expect(201).object().getJsonNumber("id").longValue();
    }

    /** A task that skips the spec gate, as JSON. */
    private static String immediateTask(String title) {
        return "{\"title\":\"" + title + "\",\"prompt\":\"Add a login page\",\"justDoIt\":true}";
    }

    private static long createImmediateTask(HelixClient client, String title) {
        return client.post("/api/v1/tasks", immediateTask(title)).expect(201).object().getJsonNumber("id").longValue();
    }

    private static long approveImplementation(HelixClient client, long task) {
        JsonObject approved = client.post("/api/v1/tasks/" + task + "/approvals",
                "{\"gate\":\"IMPLEMENTATION\",\"decision\":\"APPROVE\"}").expect(200).object();
        assertEquals("DONE", approved.getString("status"), approved::toString);
        return task;
    }

    /** Calls {@code call(i)} for i from 0 to count - 1 on eight threads; the answers in order of i. */
    private static List<Long> inParallel(int count, LongFunction<Long> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> answers = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                long n = i;
                answers.add(threads.submit(() -> call.apply(n)));
            }
            List<Long> results = new ArrayList<>();
            for (Future<Long> answer : answers) {
                results.add(answer.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void awaitAll(List<Long> tasks, String status, Duration timeout) {
        awaitCount(tasks, status, tasks.size(), timeout);
    }

    /** Waits until at least {@code wanted} of the tasks are in the status, reading PostgreSQL. */
    private static void awaitCount(List<Long> tasks, String status, int wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Long> states = Map.of();
        while (Instant.now().isBefore(deadline)) {
            states = states(tasks);
            if (states.getOrDefault(status, 0L) >= wanted) {
                return;
            }
            HelixClient.sleep(500);
        }
        throw new AssertionError(wanted + " of " + tasks.size() + " tasks did not reach " + status + " within " + timeout
                + "; their states: " + states + "; transactions in doubt: " + inDoubt());
    }

    /**
     * Waits until PostgreSQL holds no prepared transaction: one the servers leave there (in doubt after an outage or
     * a kill) keeps its rows locked, so the tasks it touched could never move again.
     */
    private static void awaitNoTransactionInDoubt(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!inDoubt().isEmpty() && Instant.now().isBefore(deadline)) {
            HelixClient.sleep(1000);
        }
        assertEquals(List.of(), inDoubt(), "transactions left prepared in PostgreSQL");
    }

    /** The transactions prepared in PostgreSQL: database, global id and when each was prepared. */
    private static List<String> inDoubt() {
        return postgres.strings("postgres", "SELECT database || ' ' || gid || ' prepared ' || prepared FROM pg_prepared_xacts");
    }

    /** How many of the tasks are in each status. */
    private static Map<String, Long> states(List<Long> tasks) {
        Map<String, Long> states = new TreeMap<>();
        postgres.query("helix", "SELECT status, COUNT(*) FROM task WHERE id = ANY (?) GROUP BY status",
                row -> states.put(row.getString(1), row.getLong(2)), new Object[] {ids(tasks)});
        return states;
    }

    /** Each task went through exactly these transitions, each once, in this order. */
    private static void assertEachWentThrough(List<Long> tasks, List<String> transitions) {
        Map<Long, List<String>> wrong = new TreeMap<>();
        Map<Long, List<String>> seen = new TreeMap<>();
        postgres.query("helix", "SELECT task_id, to_status FROM task_transition WHERE task_id = ANY (?) ORDER BY task_id, id",
                row -> seen.computeIfAbsent(row.getLong(1), t -> new ArrayList<>()).add(row.getString(2)),
                new Object[] {ids(tasks)});
        for (long task : tasks) {
            List<String> history = seen.getOrDefault(task, List.of());
            if (!history.equals(transitions)) {
                wrong.put(task, history);
            }
        }
        assertEquals(Map.of(), wrong, "tasks whose history is not " + transitions);
    }

    /** The count of work orders this server has taken from the dispatch queue, from its metrics. */
    private static double ordersTaken(StandaloneServer server) {
        String metrics = HelixClient.admin().at(server.baseUrl()).get("/metrics?scope=application", "text/plain")
                .expect(200).body();
        Matcher counter = ORDERS_TAKEN.matcher(metrics);
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }

    private static Long[] ids(List<Long> tasks) {
        return tasks.toArray(Long[]::new);
    }
}
