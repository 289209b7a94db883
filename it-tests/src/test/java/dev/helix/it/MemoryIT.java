package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fleet's memory on the real server: remember, search (exact cosine top-k on the compute backend), read and
 * forget over REST; a finished task's learnings synthesised into memory and recalled into the context of the
 * next similar task; the memory-synthesis ritual catching up a task whose synthesis was lost.
 */
@ExtendWith(ArquillianExtension.class)
class MemoryIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    private HelixClient developer;
    private String workspace;

    @BeforeEach
    void setUp() {
        developer = HelixClient.user("mona-mem", "developer");
        workspace = "ws-" + System.nanoTime();
    }

    @Test
    void aMemoryIsStoredFoundBestFirstReadAndForgotten() {
        long deploy = remember("Deploy failed because the database migration locked the table; ran it off-peak", "ERROR_RESOLUTION");
        long cache = remember("Added a cache in front of the pricing service to cut latency", "TASK_SUMMARY");
        remember("Wrote the onboarding guide for new agents", "TASK_SUMMARY");

        JsonArray hits = search("{\"query\":\"why did the deploy fail on the database migration\",\"k\":2,\"scope\":\"" + workspace + "\"}");
        assertEquals(2, hits.size(), hits::toString);
        JsonObject best = hits.getJsonObject(0);
        assertEquals(deploy, best.getJsonNumber("id").longValue(), hits::toString);
        assertEquals("ERROR_RESOLUTION", best.getString("kind"));
        assertTrue(best.getJsonNumber("score").doubleValue() > hits.getJsonObject(1).getJsonNumber("score").doubleValue());

        JsonObject same = search("{\"query\":\"Added a cache in front of the pricing service to cut latency\",\"scope\":\""
                + workspace + "\"}").getJsonObject(0);
        assertEquals(cache, same.getJsonNumber("id").longValue());
        assertEquals(1.0, same.getJsonNumber("score").doubleValue(), 1e-4, "the same text scores 1");

        JsonObject read = developer.get("/api/v1/memory/" + cache).expect(200).object();
        assertEquals("Added a cache in front of the pricing service to cut latency", read.getString("text"));
        assertEquals(workspace, read.getString("workspace"));
        assertEquals("mona-mem", read.getString("createdBy"));
        assertEquals("offline-hashing-384", read.getString("embedder"));

        developer.delete("/api/v1/memory/" + cache).expect(204);
        developer.get("/api/v1/memory/" + cache).problem(404);
        assertFalse(search("{\"query\":\"pricing service cache latency\",\"k\":10,\"scope\":\"" + workspace + "\"}")
                .toString().contains("\"id\":" + cache + ","), "a forgotten memory is not found");
    }

    @Test
    void aSearchStaysInItsWorkspaceUnlessNoneIsNamed() {
        long mine = remember("Rotated the signing keys of the webhook gateway", "TASK_SUMMARY");
        String other = workspace + "-other";
        long theirs = developer.post("/api/v1/memory", "{\"text\":\"Rotated the signing keys of the webhook gateway\","
                + "\"kind\":\"TASK_SUMMARY\",\"workspace\":\"" + other + "\"}").expect(201).object().getJsonNumber("id").longValue();

        JsonArray scoped = search("{\"query\":\"signing keys webhook gateway\",\"k\":64,\"scope\":\"" + workspace + "\"}");
        assertEquals(List.of(mine), ids(scoped));
        List<Long> everywhere = ids(search("{\"query\":\"Rotated the signing keys of the webhook gateway\",\"k\":64}"));
        assertTrue(everywhere.containsAll(List.of(mine, theirs)), everywhere::toString);
    }

    @Test
    void theIndexReportsItsStateAndBadInputIsAProblem() {
        JsonObject status = developer.get("/api/v1/memory/status").expect(200).object();
        assertEquals("READY", status.getString("state"), status::toString);
        assertEquals(100, status.getInt("percent"));
        assertEquals("AUTO", status.getString("requestedBackend"));
        assertFalse(status.getString("backend").isBlank());

        developer.post("/api/v1/memory", "{\"kind\":\"TASK_SUMMARY\"}").problem(422);
        developer.post("/api/v1/memory", "{\"text\":\"x\",\"kind\":\"OPINION\"}").problem(400);
        developer.post("/api/v1/memory", "{\"text\":\"a note\",\"kind\":\"TASK_SUMMARY\",\"workspace\":\"Not Valid!\"}").problem(422);
        developer.post("/api/v1/memory", "{\"text\":\"!!! ???\",\"kind\":\"TASK_SUMMARY\"}").problem(422);
        developer.post("/api/v1/memory/search", "{\"query\":\"anything\",\"k\":65}").problem(422);
        developer.post("/api/v1/memory/search", "{\"k\":3}").problem(422);
        developer.get("/api/v1/memory/999999999").problem(404);
        HelixClient.user("vic-viewer", "viewer").post("/api/v1/memory", "{\"text\":\"a note\",\"kind\":\"TASK_SUMMARY\"}")
                .problem(403);
    }

    @Test
    void aFinishedTasksLearningsAreRecalledIntoTheNextSimilarTask() {
        String topic = "quasar" + System.nanoTime();
        long first = driveToDone(developer, "Tune the " + topic + " exporter", "Make the " + topic + " exporter batch its writes.");
        JsonObject summary = awaitSearch("{\"query\":\"" + topic + " exporter batch writes\",\"k\":1,\"scope\":\"default\"}",
                hits -> !hits.isEmpty() && hits.getJsonObject(0).getInt("taskId", -1) == first);
        assertEquals("TASK_SUMMARY", summary.getString("kind"));
        assertEquals("memory-synthesis", summary.getString("createdBy"));
        assertTrue(summary.getString("text").startsWith("Done \"Tune the " + topic + " exporter\""), summary::toString);

        long second = id(developer.post("/api/v1/tasks", "{\"title\":\"Speed up the " + topic + " exporter\",\"prompt\":"
                + "\"The " + topic + " exporter writes too slowly.\"}").expect(201).object());
        JsonObject review = developer.awaitStatus(second, "SPEC_REVIEW");
        JsonArray recalled = developer.get("/api/v1/tasks/" + second + "/memories").expect(200).json().asJsonArray();
        assertEquals(summary.getJsonNumber("id").longValue(), recalled.getJsonObject(0).getJsonNumber("memoryId").longValue(),
                recalled::toString);
        assertEquals(1, recalled.getJsonObject(0).getInt("rank"));
        assertTrue(review.getString("design").contains("## Prior learnings (recalled from memory)\n- Done \"Tune the " + topic),
                review.getString("design"));
    }

    @Test
    void theMemorySynthesisRitualCatchesUpATaskWhoseSynthesisWasLost() throws SQLException {
        String topic = "nebula" + System.nanoTime();
        long task = driveToDone(developer, "Index the " + topic + " catalogue", "Index the " + topic + " catalogue nightly.");
        String query = "{\"query\":\"" + topic + " catalogue\",\"k\":1,\"scope\":\"default\"}";
        awaitSearch(query, hits -> !hits.isEmpty() && hits.getJsonObject(0).getInt("taskId", -1) == task);
        try (Connection db = DriverManager.getConnection(System.getProperty("helix.it.db.url"), "sa", "")) {
            // As if the server had died between the task's DONE and its synthesis.
            for (String sql : List.of("DELETE FROM memory WHERE task_id = ?", "DELETE FROM memory_synthesis WHERE task_id = ?")) {
                try (PreparedStatement delete = db.prepareStatement(sql)) {
                    delete.setLong(1, task);
                    delete.executeUpdate();
                }
            }
        }
        assertTrue(search(query).isEmpty() || search(query).getJsonObject(0).getInt("taskId", -1) != task);

        HelixClient admin = HelixClient.admin();
        long run = RitualIT.id(admin.post("/api/v1/rituals/memory-synthesis/runs", "").expect(202).object());
        JsonObject done = RitualIT.awaitRun(admin, "memory-synthesis", run, r -> r.getString("status").equals("COMPLETED"));
        assertTrue(done.getString("summary").matches("(?s).*synthesised [1-9]\\d* finished task\\(s\\).*"), done::toString);
        awaitSearch(query, hits -> !hits.isEmpty() && hits.getJsonObject(0).getInt("taskId", -1) == task);
    }

    /** Takes a new task through both gates to DONE; answers its id. */
    static long driveToDone(HelixClient developer, String title, String prompt) {
        HelixClient operator = HelixClient.user("oona-ops", "operator");
        long id = id(developer.post("/api/v1/tasks", "{\"title\":\"" + title + "\",\"prompt\":\"" + prompt + "\"}")
                .expect(201).object());
        developer.awaitStatus(id, "SPEC_REVIEW");
        operator.post("/api/v1/tasks/" + id + "/approvals", "{\"gate\":\"SPEC\",\"decision\":\"APPROVE\"}").expect(200);
        developer.awaitStatus(id, "IMPLEMENTATION_REVIEW");
        operator.post("/api/v1/tasks/" + id + "/approvals", "{\"gate\":\"IMPLEMENTATION\",\"decision\":\"APPROVE\"}").expect(200);
        return id;
    }

    private long remember(String text, String kind) {
        HelixClient.Answer created = developer.post("/api/v1/memory", "{\"text\":\"" + text + "\",\"kind\":\"" + kind
                + "\",\"workspace\":\"" + workspace + "\"}").expect(201);
        long id = id(created.object());
        assertTrue(created.location().endsWith("/api/v1/memory/" + id), created.location());
        return id;
    }

    private JsonArray search(String body) {
        return developer.post("/api/v1/memory/search", body).expect(200).json().asJsonArray();
    }

    private JsonObject awaitSearch(String body, Predicate<JsonArray> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonArray hits = search(body);
        while (!condition.test(hits)) {
            assertTrue(Instant.now().isBefore(deadline), () -> "no such search result in 30 s: " + body);
            HelixClient.sleep(200);
            hits = search(body);
        }
        return hits.getJsonObject(0);
    }

    private static List<Long> ids(JsonArray hits) {
        return hits.getValuesAs(JsonObject.class).stream().map(h -> h.getJsonNumber("id").longValue()).toList();
    }

    private static long id(JsonObject object) {
        return object.getJsonNumber("id").longValue();
    }
}
