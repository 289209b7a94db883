package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Implementation with the built-in offline model on the real server: each checklist item is a change made through the
 * tools in the task's worktree, the project's test command run in the sandbox, and a commit on {@code helix/task-<id>};
 * the implementation gate shows the changes, approval merges them, and a merge that conflicts sends the task back to
 * its agent with the conflict to resolve.
 */
@ExtendWith(ArquillianExtension.class)
class ImplementationIT {

    /** Makes this run's names its own, so a run against a database kept from an earlier one starts afresh. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    private final HelixClient admin = HelixClient.admin();

    @Test
    void eachItemIsACommitOfARealChangeTheTestsRunInTheSandboxAndApprovalMerges() throws Exception {
        JsonObject project = admin.cloneOfTheDemo("Offline " + RUN);
        Path checkout = Path.of(project.getString("repository"));
        long id = justDoIt("Greeting " + RUN, "Make greet excited.", project);
        JsonObject review = admin.awaitStatus(id, "IMPLEMENTATION_REVIEW");
        String log = "docs/helix/greeting-" + RUN + ".md";

        JsonObject changes = admin.get("/api/v1/tasks/" + id + "/changes").expect(200).object();
        assertEquals("helix/task-" + id, changes.getString("branch"));
        JsonObject file = changes.getJsonArray("files").getJsonObject(0);
        assertEquals(List.of(log, "ADD"), List.of(file.getString("path"), file.getString("status")), changes.toString());
        assertEquals(4 + review.getInt("total"), file.getInt("additions"), "a heading, a line, a blank, and a line per item");
        assertTrue(changes.getString("diff").contains("+- Implement: Make greet excited"), changes.getString("diff"));

        List<JsonObject> activity = activity(id);
        assertEquals(3 * review.getInt("total"), activity.size(), "read, write and run per item: " + activity);
        JsonObject run = activity.stream().filter(a -> a.getString("tool").equals("run_command")).findFirst().orElseThrow();
        assertTrue(run.getString("outcome").startsWith("exit 1 after"), run.toString());
        assertTrue(run.getString("outcome").contains("FAIL greets by name"), "the demo's real test ran in the sandbox: " + run);
        assertFalse(Files.exists(checkout.resolve(log)), "nothing reaches the default branch before approval");

        admin.post("/api/v1/tasks/" + id + "/approvals", "{\"gate\":\"IMPLEMENTATION\",\"decision\":\"APPROVE\"}").expect(200);
        admin.awaitStatus(id, "DONE");
        assertTrue(Files.readString(checkout.resolve(log)).contains("- Implement: Make greet excited"), "approval merged the branch");
        assertEquals(changes.getJsonArray("files"), admin.get("/api/v1/tasks/" + id + "/changes").expect(200).object()
                .getJsonArray("files"), "what was approved stays readable");
    }

    @Test
    void aMergeThatConflictsAnswers409AndTheAgentResolvesItBeforeTheNextApproval() throws Exception {
        JsonObject project = admin.cloneOfTheDemo("Conflicts " + RUN);
        Path checkout = Path.of(project.getString("repository"));
        String title = "Shared log " + RUN;
        long first = justDoIt(title, "Say hello.", project);
        long second = justDoIt(title, "Say goodbye.", project);
        admin.awaitStatus(first, "IMPLEMENTATION_REVIEW");
        admin.awaitStatus(second, "IMPLEMENTATION_REVIEW");
        admin.post("/api/v1/tasks/" + first + "/approvals", "{\"gate\":\"IMPLEMENTATION\",\"decision\":\"APPROVE\"}").expect(200);
        String log = "docs/helix/shared-log-" + RUN + ".md";
        String merged = Files.readString(checkout.resolve(log));

        JsonObject conflict = admin.post("/api/v1/tasks/" + second + "/approvals",
                "{\"gate\":\"IMPLEMENTATION\",\"decision\":\"APPROVE\"}").problem(409);
        assertTrue(conflict.getString("type").endsWith("merge-conflict"), conflict.toString());
        assertTrue(conflict.getString("detail").contains("conflicts with main in " + log), conflict.toString());
        assertEquals(merged, Files.readString(checkout.resolve(log)), "the default branch is as it was");
        JsonObject audited = admin.get("/api/v1/admin/audit?limit=1&action=task.decide&target=/api/v1/tasks/" + second)
                .expect(200).json().asJsonArray().getJsonObject(0);
        assertEquals(List.of("FAILURE", "{\"status\":\"IMPLEMENTATION_REVIEW\"}", "{\"status\":\"IMPLEMENTATION\"}"),
                List.of(audited.getString("outcome"), audited.getString("before"), audited.getString("after")),
                "the refused approval is audited as failed, with the task's way back: " + audited);
        assertTrue(audited.getString("detail").startsWith("MergeConflictException: Task " + second), audited.toString());

        JsonObject again = admin.awaitStatus(second, "IMPLEMENTATION_REVIEW");
        assertTrue(again.getString("plan").contains("- [x] Resolve the merge conflict with main in: " + log), again.getString("plan"));
        assertTrue(admin.get("/api/v1/tasks/" + second + "/history").expect(200).json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).anyMatch(t -> t.getString("note", "").contains("Approval could not merge")));
        admin.post("/api/v1/tasks/" + second + "/approvals", "{\"gate\":\"IMPLEMENTATION\",\"decision\":\"APPROVE\"}").expect(200);
        admin.awaitStatus(second, "DONE");
        String both = Files.readString(checkout.resolve(log));
        assertTrue(both.contains("- Implement: Say hello") && both.contains("- Implement: Say goodbye") && both.contains("- Resolve the merge conflict"), both);
        assertFalse(both.contains("<<<<<<<") || both.contains(">>>>>>>"), "the conflict was resolved, both sides kept: " + both);
    }

    private long justDoIt(String title, String prompt, JsonObject project) {
        return admin.post("/api/v1/tasks", "{\"title\":\"" + title + "\",\"prompt\":\"" + prompt + "\",\"justDoIt\":true,"
                + "\"projectId\":" + project.getInt("id") + "}").expect(201).object().getJsonNumber("id").longValue();
    }

    private List<JsonObject> activity(long id) {
        return admin.get("/api/v1/tasks/" + id + "/activity").expect(200).json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).toList();
    }
}
