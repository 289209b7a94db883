package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API's contract at its edges: authentication, roles, bad input, agents, health and OpenAPI. */
@ExtendWith(ArquillianExtension.class)
class ApiContractIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void withoutCredentialsEveryEndpointAnswers401WithAChallenge() {
        for (String path : List.of("/api/v1/tasks", "/api/v1/agents", "/api/v1/agents/pool", "/api/v1/fleet/live-progress")) {
            HelixClient.Answer answer = HelixClient.anonymous().get(path);
            answer.problem(401);
            assertTrue(answer.wwwAuthenticate().startsWith("Basic"), path);
        }
        HelixClient.anonymous().post("/api/v1/tasks", "{\"title\":\"t\",\"prompt\":\"p\"}").problem(401);
        HelixClient.as("admin", "wrong-password").get("/api/v1/tasks").problem(401);
    }

    @Test
    void anonymousVisitorsOfThePortalAreSentToTheLoginPageAndSignedInOnesSeeEveryPage() {
        for (String page : List.of("/dashboard.xhtml", "/task.xhtml?id=1", "/agents.xhtml", "/spirals.xhtml", "/rituals.xhtml")) {
            HelixClient.Answer answer = HelixClient.anonymous().get(page, "text/html");
            assertEquals(302, answer.status(), page);
            assertTrue(answer.location().contains("/login.xhtml"), answer.location());
        }
        long task = HelixClient.admin().post("/api/v1/tasks", "{\"title\":\"Shown on its page\",\"prompt\":\"p\"}")
                .expect(201).object().getJsonNumber("id").longValue();
        for (String page : List.of("/dashboard.xhtml", "/task.xhtml?id=" + task, "/agents.xhtml", "/keys.xhtml",
                "/admin/users.xhtml", "/admin/roles.xhtml", "/admin/security.xhtml", "/admin/audit.xhtml",
                "/spirals.xhtml", "/rituals.xhtml", "/rituals.xhtml?name=z-88")) {
            HelixClient.Answer answer = HelixClient.admin().get(page, "text/html");
            assertEquals(200, answer.status(), page);
            assertFalse(answer.body().contains("Something went wrong"), page);
        }
        assertTrue(HelixClient.admin().get("/task.xhtml?id=" + task, "text/html").body().contains("Shown on its page"));
        HelixClient.Answer root = HelixClient.anonymous().get("/", "text/html").expect(200);
        assertTrue(root.body().contains("url=dashboard.xhtml") && !root.body().contains("Tasks by state"), root.body());
    }

    @Test
    void rolesDecideWhoMayDoWhat() {
        HelixClient viewer = HelixClient.user("vera-viewer", "viewer");
        HelixClient developer = HelixClient.user("dev-contract", "developer");
        viewer.get("/api/v1/tasks").expect(200);
        viewer.post("/api/v1/tasks", "{\"title\":\"t\",\"prompt\":\"p\"}").problem(403);
        long id = developer.post("/api/v1/tasks", "{\"title\":\"t\",\"prompt\":\"p\"}").expect(201).object().getJsonNumber("id").longValue();
        developer.post("/api/v1/tasks/" + id + "/approvals", "{\"gate\":\"SPEC\",\"decision\":\"APPROVE\"}").problem(403);
        viewer.post("/api/v1/agents", "{\"role\":\"coder\"}").problem(403);
        developer.get("/api/v1/admin/users").problem(403);
    }

    @Test
    void badInputGetsAProblemNeverA500() {
        HelixClient developer = HelixClient.user("dev-input", "developer");
        JsonObject malformed = developer.post("/api/v1/tasks", "{\"title\": \"unterminated").problem(400);
        assertTrue(malformed.getString("detail").toLowerCase().contains("json") || malformed.getString("detail").contains("malformed"),
                malformed.toString());
        developer.post("/api/v1/tasks", "{\"title\":\"t\",\"prompt\":\"p\",\"justDoIt\":{\"maybe\":1}}").problem(400);
        developer.post("/api/v1/tasks", "{\"title\":\"t\",\"prompt\":\"p\",\"priority\":\"URGENT\"}").problem(400);
        developer.post("/api/v1/tasks", "[1,2,3]").problem(400);

        JsonObject invalid = developer.post("/api/v1/tasks", "{\"prompt\":\"\"}").problem(422);
        List<String> fields = invalid.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertEquals(List.of("prompt", "title"), fields);
        developer.post("/api/v1/tasks", "").problem(400);

        developer.get("/api/v1/tasks/987654321").problem(404);
        developer.get("/api/v1/tasks/not-a-number").problem(404);
        developer.get("/api/v1/tasks?status=NOPE").problem(400);
        developer.get("/api/v1/no-such-thing").problem(404);
        developer.post("/api/v1/tasks/987654321/approvals", "{\"gate\":\"SPEC\",\"decision\":\"APPROVE\"}").problem(403);
        HelixClient.user("ops-input", "operator")
                .post("/api/v1/tasks/987654321/approvals", "{\"gate\":\"SPEC\",\"decision\":\"MAYBE\"}").problem(400);
    }

    @Test
    void theGalleryHasTheBuiltInProfilesAndAcceptsCustomOnes() {
        HelixClient operator = HelixClient.user("ops-gallery", "operator");
        List<String> roles = operator.get("/api/v1/agents/profiles").expect(200).json().asJsonArray()
                .getValuesAs(JsonObject.class).stream().map(p -> p.getString("role")).toList();
        assertTrue(roles.containsAll(List.of("architect", "planner", "coder", "reviewer", "qa-engineer", "researcher",
                "sentinel", "devops", "security-auditor", "technical-writer", "data-analyst", "integrator",
                "ux-designer", "release-manager")), roles.toString());

        String role = "translator-" + System.nanoTime() % 1_000_000;
        String custom = "{\"role\":\"" + role + "\",\"displayName\":\"Translator\",\"description\":\"Translates docs\","
                + "\"capabilities\":[\"docs.translate\"],\"provider\":\"offline\",\"model\":\"helix-offline-1\"}";
        operator.post("/api/v1/agents/profiles", custom).expect(201);
        operator.post("/api/v1/agents/profiles", custom).problem(409);
        JsonObject edited = operator.put("/api/v1/agents/profiles/" + role, custom.replace("Translates docs", "Translates docs and UI"))
                .expect(200).object();
        assertEquals("Translates docs and UI", edited.getString("description"));
        operator.put("/api/v1/agents/profiles/" + role, custom.replace("\"offline\"", "\"nowhere\"")).problem(422);
        operator.get("/api/v1/agents/profiles/nobody").problem(404);
    }

    @Test
    void operatorsManageThePool() {
        HelixClient operator = HelixClient.user("ops-pool", "operator");
        JsonObject agent = operator.post("/api/v1/agents", "{\"role\":\"researcher\",\"name\":\"ada\"}").expect(201).object();
        long id = agent.getJsonNumber("id").longValue();
        assertEquals("IDLE", agent.getString("status"));
        assertEquals("STOPPED", operator.put("/api/v1/agents/" + id, "{\"status\":\"STOPPED\"}").expect(200).object().getString("status"));
        operator.put("/api/v1/agents/" + id, "{\"status\":\"WORKING\"}").problem(422);
        JsonObject pool = operator.get("/api/v1/agents/pool").expect(200).object();
        assertTrue(pool.getJsonObject("byStatus").getInt("STOPPED") >= 1, pool.toString());
        assertTrue(pool.getJsonObject("byRole").getInt("researcher") >= 1, pool.toString());
        operator.delete("/api/v1/agents/" + id).expect(204);
        operator.get("/api/v1/agents/" + id).problem(404);
        operator.post("/api/v1/agents", "{\"role\":\"no-such-role\"}").problem(404);
    }

    @Test
    void healthAndOpenApiAreServedToAnyone() {
        JsonObject ready = HelixClient.anonymous().get("/health/ready").expect(200).object();
        assertEquals("UP", ready.getString("status"));
        List<String> checks = ready.getJsonArray("checks").getValuesAs(JsonObject.class).stream().map(c -> c.getString("name")).toList();
        assertTrue(checks.containsAll(List.of("database", "messaging")), checks.toString());
        HelixClient.anonymous().get("/health/live").expect(200);
        String openapi = HelixClient.anonymous().get("/openapi").expect(200).body();
        for (String path : List.of("/api/v1/tasks", "/api/v1/tasks/{id}/approvals", "/api/v1/tasks/{id}/progress",
                "/api/v1/tasks/{id}/history", "/api/v1/tasks/{id}/cancel", "/api/v1/fleet/live-progress",
                "/api/v1/agents/profiles", "/api/v1/agents/pool", "/api/v1/agents/{id}")) {
            assertTrue(openapi.contains("\"" + path + "\""), "OpenAPI lacks " + path);
        }
        HelixClient.anonymous().get("/openapi/ui/").expect(200);
    }

    @Test
    void metricsAreForAdministratorsWhereAuthenticationIsOn() {
        // The test server runs as production should, with helix.metrics.authentication=true: HTTPS and credentials.
        HelixClient.Answer plain = HelixClient.anonymous().get("/metrics", "text/plain").expect(302);
        assertEquals(HelixClient.SECURE_BASE + "/metrics", plain.location());
        HelixClient.anonymous().overHttps().get("/metrics", "text/plain").expect(401);
        // Helix's own users are not Liberty's: an operator's password opens the API, not the server's metrics.
        HelixClient.user("metrics-peeker", "operator").overHttps().get("/metrics", "text/plain").expect(401);
        assertTrue(HelixClient.admin().overHttps().get("/metrics", "text/plain").expect(200).body().contains("# TYPE"));
    }
}
