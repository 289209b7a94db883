package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A soak of racing writes: several users on several threads edit the same spiral, ritual, profile and user, create
 * tasks and memories, and send writes that must fail (invalid, forbidden, wrong password), all at once. No answer
 * may be a 5xx or come later than the client's 30 s bound; each edit of a shared thing either takes effect or is a
 * 409; every accepted write is there afterwards with its audit record; and the audit chain is intact.
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrentWritesIT {

    private static final int THREADS = 8;
    private static final int WRITES_PER_THREAD = 40;
    /** Cron expressions that do not fire while the test runs. */
    private static final List<String> QUIET_CRONS = List.of("0 3 1 1 *", "30 4 1 1 *", "15 5 1 1 *");

    private final HelixClient admin = HelixClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    /** What the writers did: answers by kind of write and status, and what each accepted write made. */
    private static final class Ledger {
        final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final Set<Long> tasks = ConcurrentHashMap.newKeySet();
        final Set<Long> memories = ConcurrentHashMap.newKeySet();
        final Set<String> profileNames = ConcurrentHashMap.newKeySet();
        final Set<String> ritualSchedules = ConcurrentHashMap.newKeySet();
        final AtomicInteger spiralEdits = new AtomicInteger();

        /**
         * Sends a write and notes its answer; an answer the write does not allow, or none within the client's 30 s
         * bound, is a failure. Answers the status, -1 for none.
         */
        HelixClient.Answer write(String kind, Supplier<HelixClient.Answer> write, Set<Integer> allowed) {
            HelixClient.Answer answer;
            try {
                answer = write.get();
            } catch (RuntimeException e) {
                failures.add(kind + " got no answer: " + e);
                return null;
            }
            answers.computeIfAbsent(kind + " " + answer.status(), k -> new AtomicInteger()).incrementAndGet();
            if (!allowed.contains(answer.status())) {
                failures.add(kind + " answered " + answer.status() + ": " + answer.body());
            }
            return answer;
        }

        /** Whether the answer is one of success. */
        static boolean succeeded(HelixClient.Answer answer, int status) {
            return answer != null && answer.status() == status;
        }
    }

    @Test
    void racingWritesOfSeveralUsersAnswerWithoutServerErrorsAndLoseNothing() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        long spiral = admin.post("/api/v1/spirals", spiral("soak-" + suffix, null)).expect(201).object().getJsonNumber("id").longValue();
        String ritual = "soak-" + suffix;
        admin.put("/api/v1/rituals/" + ritual, "{\"stages\":[\"metrics-rollup\"],\"cron\":\"" + QUIET_CRONS.get(0)
                + "\",\"enabled\":false}").expect(200);
        String role = "soak-" + suffix;
        admin.post("/api/v1/agents/profiles", profile(role, "Soak 0")).expect(201);
        String edited = "soak-user-" + suffix;
        HelixClient.user(edited, "viewer");
        List<HelixClient> writers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            writers.add(HelixClient.user("soak-writer-" + suffix + "-" + i, "admin"));
        }
        HelixClient viewer = HelixClient.user("soak-viewer-" + suffix, "viewer");
        HelixClient wrongPassword = HelixClient.as("soak-nobody-" + suffix, "not-the-password");

        Ledger ledger = new Ledger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            HelixClient writer = writers.get(t);
            Random random = new Random(t);
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < WRITES_PER_THREAD; i++) {
                    String label = thread + "-" + i;
                    switch (random.nextInt(10)) {
                        case 0, 1 -> {
                            boolean valid = random.nextInt(4) > 0;
                            String cron = random.nextBoolean() ? QUIET_CRONS.get(random.nextInt(QUIET_CRONS.size())) : null;
                            HelixClient.Answer answer = ledger.write("spiral edit", () -> writer.put("/api/v1/spirals/" + spiral,
                                    valid ? spiral("soak-" + suffix, cron) : "{\"name\":\"soak\",\"trigger\":{\"type\":\"CRON\",\"cron\":\"61 * * * *\"},\"steps\":[]}"),
                                    valid ? Set.of(200, 409) : Set.of(422));
                            if (Ledger.succeeded(answer, 200)) {
                                ledger.spiralEdits.incrementAndGet();
                            }
                        }
                        case 2 -> {
                            String cron = QUIET_CRONS.get(random.nextInt(QUIET_CRONS.size()));
                            boolean enabled = random.nextBoolean();
                            HelixClient.Answer answer = ledger.write("ritual edit", () -> writer.put("/api/v1/rituals/" + ritual,
                                    "{\"cron\":\"" + cron + "\",\"enabled\":" + enabled + "}"), Set.of(200, 409));
                            if (Ledger.succeeded(answer, 200)) {
                                ledger.ritualSchedules.add(cron + " " + enabled);
                            }
                        }
                        case 3 -> {
                            String name = "Soak " + label;
                            HelixClient.Answer answer = ledger.write("profile edit",
                                    () -> writer.put("/api/v1/agents/profiles/" + role, profile(role, name)), Set.of(200, 409));
                            if (Ledger.succeeded(answer, 200)) {
                                ledger.profileNames.add(name);
                            }
                        }
                        case 4 -> ledger.write("user edit", () -> writer.put("/api/v1/admin/users/" + edited,
                                "{\"roles\":[\"" + (random.nextBoolean() ? "viewer" : "developer") + "\"]}"), Set.of(200, 409));
                        case 5 -> {
                            HelixClient.Answer answer = ledger.write("memory", () -> writer.post("/api/v1/memory",
                                    "{\"text\":\"Soak memory " + label + "\",\"kind\":\"TASK_SUMMARY\",\"workspace\":\"soak-" + suffix + "\"}"),
                                    Set.of(201));
                            if (Ledger.succeeded(answer, 201)) {
                                ledger.memories.add(answer.object().getJsonNumber("id").longValue());
                            }
                        }
                        case 6 -> {
                            HelixClient.Answer answer = ledger.write("task", () -> writer.post("/api/v1/tasks",
                                    "{\"title\":\"Soak " + label + "\",\"prompt\":\"Race the others\"}"), Set.of(201));
                            if (Ledger.succeeded(answer, 201)) {
                                ledger.tasks.add(answer.object().getJsonNumber("id").longValue());
                            }
                        }
                        case 7 -> ledger.write("forbidden", () -> viewer.put("/api/v1/spirals/" + spiral, spiral("soak-" + suffix, null)),
                                Set.of(403));
                        case 8 -> ledger.write("wrong password",
                                () -> wrongPassword.post("/api/v1/tasks", "{\"title\":\"x\",\"prompt\":\"y\"}"), Set.of(401, 429));
                        default -> ledger.write("read", () -> writer.get("/api/v1/spirals/" + spiral), Set.of(200));
                    }
                }
            }));
        }
        for (Future<?> each : done) {
            each.get();
        }
        pool.shutdown();
        System.out.println("ConcurrentWritesIT answers: " + new TreeMap<>(ledger.answers));

        assertEquals(List.of(), ledger.failures, "every answer is one the write allows, none a 5xx or a timeout");
        for (long task : ledger.tasks) {
            admin.get("/api/v1/tasks/" + task).expect(200);
        }
        for (long memory : ledger.memories) {
            admin.get("/api/v1/memory/" + memory).expect(200);
        }
        int versions = admin.get("/api/v1/spirals/" + spiral + "/versions").expect(200).json().asJsonArray().size();
        assertEquals(1 + ledger.spiralEdits.get(), versions, "each accepted edit of the spiral is one version");
        assertEquals(ledger.spiralEdits.get(), audited("spiral.update", "/api/v1/spirals/" + spiral),
                "each accepted edit of the spiral has its audit record");
        if (!ledger.profileNames.isEmpty()) {
            String name = admin.get("/api/v1/agents/profiles/" + role).expect(200).object().getString("displayName");
            assertTrue(ledger.profileNames.contains(name), name + " is one of the accepted edits");
        }
        if (!ledger.ritualSchedules.isEmpty()) {
            JsonObject now = admin.get("/api/v1/rituals/" + ritual).expect(200).object();
            assertTrue(ledger.ritualSchedules.contains(now.getString("cron") + " " + now.getBoolean("enabled")), now::toString);
        }
        JsonObject verdict = admin.get("/api/v1/admin/audit/verify").expect(200).object();
        assertTrue(verdict.getJsonArray("breaks").isEmpty(), verdict::toString);
        JsonObject ready = HelixClient.anonymous().get("/health/ready").expect(200).object();
        assertEquals("UP", ready.getString("status"), ready::toString);
        assertTrue(ready.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .allMatch(c -> "UP".equals(c.getString("status"))), ready::toString);
    }

    private int audited(String action, String target) {
        return (int) admin.get("/api/v1/admin/audit?limit=10000&action=" + action + "&target=" + target).json().asJsonArray()
                .stream().map(JsonValue::asJsonObject)
                .filter(r -> target.equals(r.getString("target")) && "SUCCESS".equals(r.getString("outcome"))).count();
    }

    private static String spiral(String name, String cron) {
        String trigger = cron == null ? "{\"type\":\"MANUAL\"}" : "{\"type\":\"CRON\",\"cron\":\"" + cron + "\"}";
        return "{\"name\":\"" + name + "\",\"trigger\":" + trigger + ",\"steps\":[{\"type\":\"SET_VARIABLE\",\"name\":\"x\",\"value\":\"1\"}]}";
    }

    private static String profile(String role, String displayName) {
        return "{\"role\":\"" + role + "\",\"displayName\":\"" + displayName + "\",\"description\":\"Races others\","
                + "\"capabilities\":[\"soak.run\"],\"provider\":\"offline\",\"model\":\"helix-offline-1\"}";
    }
}
