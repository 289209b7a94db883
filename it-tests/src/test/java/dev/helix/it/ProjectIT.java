package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Projects on the real server: the demo project seeded at the first start, repositories registered where they are,
 * cloned (from the demo's, over {@code file://}) or created, tasks naming them, and what removing one does.
 */
@ExtendWith(ArquillianExtension.class)
class ProjectIT {

    /** Makes this run's names its own, so a run against a database kept from an earlier one starts afresh. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    private final HelixClient admin = HelixClient.admin();

    @Test
    void theFirstStartSeedsADemoProjectWithAFailingTest() throws Exception {
        JsonObject demo = demo();
        assertEquals("HOSTED", demo.getString("origin"));
        assertEquals("main", demo.getString("defaultBranch"));
        assertEquals("sh test.sh", demo.getString("testCommand"));
        Path repository = Path.of(demo.getString("repository"));
        assertTrue(Files.readString(repository.resolve("lib/greet.sh")).contains("echo \"Hello, $1\""));
        assertTrue(Files.isDirectory(repository.resolve(".git")));
    }

    @Test
    void repositoriesAreRegisteredWhereTheyAreClonedOrCreatedAndRemovedOnlyWhenHelixsOwn() {
        Path demoRepository = Path.of(demo().getString("repository"));

        JsonObject registered = create("{\"name\":\"Registered " + RUN + "\",\"repository\":{\"path\":\"" + demoRepository + "\"}}");
        assertEquals("PATH", registered.getString("origin"));
        assertEquals(demoRepository.toString(), registered.getString("repository"));
        assertEquals("main", registered.getString("defaultBranch"), "the repository's HEAD");
        assertFalse(registered.containsKey("testCommand") && !registered.isNull("testCommand"));

        JsonObject cloned = create("{\"name\":\"Cloned " + RUN + "\",\"repository\":{\"url\":\"file://" + demoRepository + "\"},"
                + "\"testCommand\":\"sh test.sh\"}");
        assertEquals("CLONE", cloned.getString("origin"));
        assertEquals("file://" + demoRepository, cloned.getString("source"));
        Path clone = Path.of(cloned.getString("repository"));
        assertTrue(Files.exists(clone.resolve("test.sh")), "the clone has the demo's files");

        JsonObject hosted = create("{\"name\":\"Hosted " + RUN + "\",\"repository\":{\"create\":true},\"defaultBranch\":\"trunk\"}");
        assertEquals("HOSTED", hosted.getString("origin"));
        assertEquals("trunk", hosted.getString("defaultBranch"));
        assertTrue(Files.exists(Path.of(hosted.getString("repository"), "README.md")));

        JsonObject changed = admin.put("/api/v1/projects/" + hosted.getInt("id"), "{\"testCommand\":\"make test\"}").expect(200).object();
        assertEquals("make test", changed.getString("testCommand"));
        assertEquals("Hosted " + RUN, changed.getString("name"), "what a change leaves out stays");

        long task = admin.post("/api/v1/tasks", "{\"title\":\"In a project\",\"prompt\":\"Fix the greeting.\",\"projectId\":"
                + cloned.getInt("id") + "}").expect(201).object().getJsonNumber("projectId").longValue();
        assertEquals(cloned.getInt("id"), task);
        assertTrue(admin.delete("/api/v1/projects/" + cloned.getInt("id")).problem(409).getString("detail")
                .contains("is named by tasks"));

        admin.delete("/api/v1/projects/" + hosted.getInt("id")).expect(204);
        assertFalse(Files.exists(Path.of(hosted.getString("repository"))), "a hosted repository goes with its project");
        admin.delete("/api/v1/projects/" + registered.getInt("id")).expect(204);
        assertTrue(Files.exists(demoRepository.resolve("test.sh")), "a registered repository stays the user's");
        admin.get("/api/v1/projects/" + registered.getInt("id")).problem(404);
    }

    @Test
    void badRegistrationsAndTasksNamingNoProjectAreRefusedWithTheReason() {
        Path demoRepository = Path.of(demo().getString("repository"));
        assertProblem(422, "repository must hold exactly one of", "{\"name\":\"x\",\"repository\":{\"path\":\"" + demoRepository
                + "\",\"create\":true}}");
        assertProblem(422, "repository is required", "{\"name\":\"x\"}");
        assertProblem(422, "repository.path must be an absolute path", "{\"name\":\"x\",\"repository\":{\"path\":\"repo\"}}");
        assertProblem(422, "is not a git repository", "{\"name\":\"x\",\"repository\":{\"path\":\"" + demoRepository.resolve("lib") + "\"}}");
        assertProblem(422, "is not a folder on the server", "{\"name\":\"x\",\"repository\":{\"path\":\"/no/such/repo\"}}");
        assertProblem(422, "repository.url must be an https, http, git or file URL", "{\"name\":\"x\",\"repository\":{\"url\":\"gopher://h/r\"}}");
        assertProblem(422, "repository.url must not carry credentials", "{\"name\":\"x\",\"repository\":{\"url\":\"https://tok@example.com/r.git\"}}");
        assertProblem(422, "repository.url could not be cloned", "{\"name\":\"x\",\"repository\":{\"url\":\"file:///no/such/repo\"}}");
        assertProblem(422, "defaultBranch 'nope' is not a branch of the repository", "{\"name\":\"x\",\"repository\":{\"path\":\""
                + demoRepository + "\"},\"defaultBranch\":\"nope\"}");
        assertProblem(422, "not a valid branch name", "{\"name\":\"x\",\"repository\":{\"create\":true},\"defaultBranch\":\"a..b\"}");
        assertProblem(409, "A project named 'demo' already exists", "{\"name\":\"demo\",\"repository\":{\"create\":true}}");
        assertTrue(admin.post("/api/v1/tasks", "{\"title\":\"t\",\"prompt\":\"p\",\"projectId\":999999}").problem(422)
                .getString("detail").contains("projectId 999999 names no project"));
        HelixClient.user("vera-viewer", "viewer").post("/api/v1/projects", "{\"name\":\"x\",\"repository\":{\"create\":true}}")
                .problem(403);
    }

    @Test
    void aTaskInAProjectKeepsEveryVersionOfItsDocumentsOnTheSpecsBranch() {
        long project = create("{\"name\":\"Specs " + RUN + "\",\"repository\":{\"create\":true}}").getJsonNumber("id").longValue();
        long id = admin.post("/api/v1/tasks", "{\"title\":\"Greeting\",\"prompt\":\"Add the exclamation mark.\",\"projectId\":"
                + project + "}").expect(201).object().getJsonNumber("id").longValue();
        JsonObject review = admin.awaitStatus(id, "SPEC_REVIEW");
        admin.post("/api/v1/tasks/" + id + "/approvals", "{\"gate\":\"SPEC\",\"decision\":\"APPROVE\"}").expect(200);
        admin.awaitStatus(id, "IMPLEMENTATION_REVIEW");
        admin.post("/api/v1/tasks/" + id + "/approvals", "{\"gate\":\"IMPLEMENTATION\",\"decision\":\"APPROVE\"}").expect(200);
        admin.awaitStatus(id, "DONE");

        List<JsonObject> history = awaitHistory(id);
        JsonObject newest = history.get(0);
        JsonObject oldest = history.get(history.size() - 1);
        assertTrue(newest.getString("message").startsWith("Task " + id + ": IMPLEMENTATION_REVIEW → DONE"), newest.toString());
        assertEquals("admin", newest.getString("actor"));
        assertEquals("DONE", newest.getString("status"));
        assertEquals("Task " + id + ": Create task " + id + ": Greeting", oldest.getString("message"));
        assertEquals("BACKLOG", oldest.getString("status"));
        List<String> messages = history.stream().map(c -> c.getString("message")).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("SPEC_GENERATION → SPEC_REVIEW")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains(": - [x] ")), "each checklist change is a commit: " + messages);
        for (int i = 1; i < history.size(); i++) {
            assertTrue(history.get(i - 1).getInt("revision") > history.get(i).getInt("revision"), "newest first, in order");
        }

        JsonObject specWritten = history.stream().filter(c -> c.getString("message").contains("SPEC_GENERATION → SPEC_REVIEW"))
                .findFirst().orElseThrow();
        JsonObject asWritten = admin.get("/api/v1/tasks/" + id + "/documents/history/" + specWritten.getString("commit"))
                .expect(200).object();
        assertEquals(review.getString("requirements"), asWritten.getString("requirements"));
        assertEquals(review.getString("plan"), asWritten.getString("plan"), "the plan as it was before any item was done");
        assertTrue(asWritten.getString("task").contains("Status: SPEC_REVIEW"), asWritten.getString("task"));
        JsonObject created = admin.get("/api/v1/tasks/" + id + "/documents/history/" + oldest.getString("commit")).expect(200).object();
        assertFalse(created.containsKey("requirements") && !created.isNull("requirements"), "no document was written yet");

        String diff = admin.get("/api/v1/tasks/" + id + "/documents/history/" + specWritten.getString("commit") + "/changes")
                .expect(200).object().getString("diff");
        assertTrue(diff.contains("-Status: SPEC_GENERATION") && diff.contains("+Status: SPEC_REVIEW"), diff);
        assertTrue(diff.contains("+++ b/tasks/" + id + "/requirements.md"), "the spec written, against the version before: " + diff);
        admin.get("/api/v1/tasks/" + id + "/documents/history/" + "f".repeat(40)).problem(404);
        admin.get("/api/v1/tasks/" + id + "/documents/history/" + "f".repeat(40) + "/changes").problem(404);
        long loose = admin.post("/api/v1/tasks", "{\"title\":\"Loose\",\"prompt\":\"No project.\"}").expect(201).object()
                .getJsonNumber("id").longValue();
        assertTrue(admin.get("/api/v1/tasks/" + loose + "/documents/history").problem(404).getString("detail")
                .contains("works in no project"));
    }

    /** The history once the last change (to DONE) has been committed: the branch is written just after each change. */
    private List<JsonObject> awaitHistory(long id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<JsonObject> history = admin.get("/api/v1/tasks/" + id + "/documents/history").expect(200).json().asJsonArray()
                    .stream().map(JsonValue::asJsonObject).toList();
            if (!history.isEmpty() && "DONE".equals(history.get(0).getString("status"))) {
                return history;
            }
            assertTrue(System.nanoTime() < deadline, "the DONE commit never reached the branch: " + history);
            HelixClient.sleep(100);
        }
    }

    private JsonObject demo() {
        return admin.get("/api/v1/projects").expect(200).json().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("name").equals("demo")).findFirst().orElseThrow(() -> new AssertionError("no demo project"));
    }

    private JsonObject create(String body) {
        return admin.post("/api/v1/projects", body).expect(201).object();
    }

    private void assertProblem(int status, String detail, String body) {
        JsonObject problem = admin.post("/api/v1/projects", body).problem(status);
        assertTrue(problem.getString("detail").contains(detail), problem.toString());
    }
}
