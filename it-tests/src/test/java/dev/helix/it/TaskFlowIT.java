package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tasks travel the whole lifecycle on the real server: REST → database + JMS dispatch queue in one
 * transaction → message-driven agent worker → offline provider → human gates.
 */
@ExtendWith(ArquillianExtension.class)
class TaskFlowIT {

    private static final String SIX_ASKS = "Add a login page. Store users. Hash passwords. Lock after failures. "
            + "Log every sign-in. Offer a logout button.";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    private HelixClient developer;
    private HelixClient operator;

    @BeforeEach
    void users() {
        developer = HelixClient.user("dana-dev", "developer");
        operator = HelixClient.user("oscar-ops", "operator");
    }

    @Test
    void aTaskIsDrivenThroughBothGatesToDone() {
        HelixClient.Answer created = developer.post("/api/v1/tasks",
                "{\"title\":\"Login\",\"prompt\":\"" + SIX_ASKS + "\",\"priority\":\"HIGH\"}").expect(201);
        JsonObject task = created.object();
        long id = task.getJsonNumber("id").longValue();
        assertEquals("BACKLOG", task.getString("status"));
        assertTrue(created.location().endsWith("/api/v1/tasks/" + id), created.location());

        JsonObject review = developer.awaitStatus(id, "SPEC_REVIEW");
        assertTrue(review.getString("requirements").contains("shall add a login page"), review.getString("requirements"));
        assertTrue(review.getString("design").contains("Technical design"));
        assertTrue(review.getString("plan").contains("- [ ] Implement: Hash passwords"));
        assertEquals(0, review.getInt("done"));

        JsonObject approved = operator.post("/api/v1/tasks/" + id + "/approvals",
                "{\"gate\":\"SPEC\",\"decision\":\"APPROVE\",\"comment\":\"Looks right\"}").expect(200).object();
        assertEquals("SPEC_APPROVED", approved.getString("status"));

        JsonObject live = awaitLiveProgressOf(id);
        assertNotNull(live.get("current"));
        assertEquals("IMPLEMENTATION", live.getString("taskStatus"));
        // Any agent whose profile can write code may implement (a coder, or an integrator when coders are busy).
        assertTrue(developer.get("/api/v1/agents/profiles/" + live.getString("role")).expect(200).object()
                .getJsonArray("capabilities").toString().contains("\"code.write\""), live::toString);

        JsonObject implemented = developer.awaitStatus(id, "IMPLEMENTATION_REVIEW");
        assertEquals(implemented.getInt("total"), implemented.getInt("done"));
        assertFalse(implemented.getString("plan").contains("- [ ]"));

        JsonObject progress = developer.get("/api/v1/tasks/" + id + "/progress").expect(200).object();
        assertTrue(!progress.containsKey("current") || progress.isNull("current"), progress.toString());
        assertEquals(2, progress.getJsonArray("before").size());
        assertEquals(progress.getInt("total"), progress.getInt("done"));

        String agent = "/api/v1/agents/" + implemented.getJsonNumber("agentId").longValue();
        long completedBefore = developer.get(agent).expect(200).object().getJsonNumber("tasksCompleted").longValue();
        JsonObject done = operator.post("/api/v1/tasks/" + id + "/approvals",
                "{\"gate\":\"IMPLEMENTATION\",\"decision\":\"APPROVE\"}").expect(200).object();
        assertEquals("DONE", done.getString("status"));
        assertEquals(completedBefore + 1, developer.get(agent).expect(200).object().getJsonNumber("tasksCompleted").longValue(),
                "the agent that implemented the task is credited with it");

        List<String> path = developer.get("/api/v1/tasks/" + id + "/history").expect(200).json().asJsonArray().stream()
                .map(v -> v.asJsonObject().getString("to")).toList();
        assertEquals(List.of("BACKLOG", "SPEC_GENERATION", "SPEC_REVIEW", "SPEC_APPROVED", "IMPLEMENTATION_QUEUED",
                "IMPLEMENTATION", "IMPLEMENTATION_REVIEW", "DONE"), path);
        List<JsonObject> approvals = developer.get("/api/v1/tasks/" + id + "/approvals").expect(200).json().asJsonArray()
                .getValuesAs(JsonObject.class);
        assertEquals(2, approvals.size());
        assertEquals("oscar-ops", approvals.get(0).getString("decidedBy"));
        assertEquals("Looks right", approvals.get(0).getString("comment"));
    }

    @Test
    void aRejectedSpecIsRevisedWithTheReviewersComment() {
        long id = create("{\"title\":\"Report\",\"prompt\":\"Export a monthly report\"}");
        developer.awaitStatus(id, "SPEC_REVIEW");
        JsonObject rejected = operator.post("/api/v1/tasks/" + id + "/approvals",
                "{\"gate\":\"SPEC\",\"decision\":\"REJECT\",\"comment\":\"Also export as CSV\"}").expect(200).object();
        assertEquals("SPEC_REVISION", rejected.getString("status"));

        JsonObject revised = developer.awaitStatus(id, "SPEC_REVIEW");
        assertTrue(revised.getString("design").contains("## Revision 1"), revised.getString("design"));
        assertTrue(revised.getString("plan").contains("Address review feedback: Also export as CSV"));
        List<String> path = developer.get("/api/v1/tasks/" + id + "/history").expect(200).json().asJsonArray().stream()
                .map(v -> v.asJsonObject().getString("to")).toList();
        assertEquals(List.of("BACKLOG", "SPEC_GENERATION", "SPEC_REVIEW", "SPEC_REVISION", "SPEC_REVIEW"), path);
    }

    @Test
    void aDecisionTheStateDoesNotAllowIsAConflict() {
        long id = create("{\"title\":\"Gate\",\"prompt\":\"Check the gates\"}");
        developer.awaitStatus(id, "SPEC_REVIEW");
        JsonObject problem = operator.post("/api/v1/tasks/" + id + "/approvals",
                "{\"gate\":\"IMPLEMENTATION\",\"decision\":\"APPROVE\"}").problem(409);
        assertTrue(problem.getString("type").endsWith("/illegal-transition"));
        assertTrue(problem.getString("detail").contains("SPEC_REVIEW"));
        assertEquals("SPEC_REVIEW", developer.get("/api/v1/tasks/" + id).expect(200).object().getString("status"));
    }

    @Test
    void justDoItSkipsTheSpecPhase() {
        long id = create("{\"title\":\"Quick fix\",\"prompt\":\"Fix the typo\",\"justDoIt\":true,\"priority\":\"CRITICAL\"}");
        developer.awaitStatus(id, "IMPLEMENTATION_REVIEW");
        List<String> path = developer.get("/api/v1/tasks/" + id + "/history").expect(200).json().asJsonArray().stream()
                .map(v -> v.asJsonObject().getString("to")).toList();
        assertEquals(List.of("BACKLOG", "IMPLEMENTATION_QUEUED", "IMPLEMENTATION", "IMPLEMENTATION_REVIEW"), path);
    }

    @Test
    void thePushStreamTellsEveryStatusAndEveryChecklistStep() throws InterruptedException {
        try (FleetStream stream = developer.fleetStream()) {
            long id = create("{\"title\":\"Watched\",\"prompt\":\"" + SIX_ASKS + "\",\"justDoIt\":true}");
            List<JsonObject> events = stream.eventsOfTaskUntil(id, "IMPLEMENTATION_REVIEW", Duration.ofSeconds(60));
            // Events of consecutive transactions may arrive out of order; each carries the time of its change.
            List<String> statuses = events.stream().filter(e -> e.getString("type").equals("TASK_STATUS_CHANGED"))
                    .sorted(Comparator.comparing(e -> Instant.parse(e.getString("at"))))
                    .map(e -> e.getString("status")).toList();
            assertEquals(List.of("BACKLOG", "IMPLEMENTATION_QUEUED", "IMPLEMENTATION", "IMPLEMENTATION_REVIEW"), statuses);
            long steps = events.stream().filter(e -> e.getString("type").equals("TASK_PROGRESSED")).count();
            int items = developer.get("/api/v1/tasks/" + id).expect(200).object().getInt("total");
            assertEquals(2L * items, steps, "each checklist item is announced when started and when done");
        }
    }

    @Test
    void aRejectedImplementationGoesBackToWorkWithAReworkItem() {
        long id = create("{\"title\":\"Rework\",\"prompt\":\"Build it\",\"justDoIt\":true}");
        developer.awaitStatus(id, "IMPLEMENTATION_REVIEW");
        operator.post("/api/v1/tasks/" + id + "/approvals",
                "{\"gate\":\"IMPLEMENTATION\",\"decision\":\"REJECT\",\"comment\":\"Missing tests\"}").expect(200);
        JsonObject again = developer.awaitStatus(id, "IMPLEMENTATION_REVIEW");
        assertTrue(again.getString("plan").contains("- [x] Rework after review: Missing tests"), again.getString("plan"));
    }

    @Test
    void aModelThatFailsEveryCallFailsTheTaskAfterFiveAttemptsWithTheReason() {
        long id = create("{\"title\":\"Outage\",\"prompt\":\"Summarise the logs #simulate-outage\"}");
        JsonObject failed = developer.awaitTask(id, t -> t.getString("status").equals("SPEC_FAILED"), Duration.ofSeconds(90));
        String reason = failed.getString("failureReason");
        assertTrue(reason.startsWith("Gave up after 5 failed attempts at the step: offline provider: simulated outage"), reason);
        assertTrue(reason.contains("simulated outage"), reason);
        List<String> path = developer.get("/api/v1/tasks/" + id + "/history").expect(200).json().asJsonArray().stream()
                .map(v -> v.asJsonObject().getString("to")).toList();
        assertEquals("SPEC_FAILED", path.get(path.size() - 1));
    }

    @Test
    void aCancelledTaskStopsAndCannotBeCancelledTwice() {
        long id = create("{\"title\":\"Cancel me\",\"prompt\":\"Long work\"}");
        developer.awaitStatus(id, "SPEC_REVIEW");
        assertEquals("CANCELLED", developer.post("/api/v1/tasks/" + id + "/cancel", "").expect(200).object().getString("status"));
        developer.post("/api/v1/tasks/" + id + "/cancel", "").problem(409);
        assertEquals("CANCELLED", developer.get("/api/v1/tasks/" + id).expect(200).object().getString("status"));
    }

    private long create(String json) {
        return developer.post("/api/v1/tasks", json).expect(201).object().getJsonNumber("id").longValue();
    }

    private JsonObject awaitLiveProgressOf(long taskId) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (JsonObject agent : developer.get("/api/v1/fleet/live-progress").expect(200).object()
                    .getJsonArray("agents").getValuesAs(JsonObject.class)) {
                if (agent.getJsonNumber("taskId").longValue() == taskId && "IMPLEMENTATION".equals(agent.getString("taskStatus"))) {
                    return agent;
                }
            }
            HelixClient.sleep(20);
        }
        throw new AssertionError("task " + taskId + " never showed in the live progress");
    }
}
