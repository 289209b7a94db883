package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may do what: every endpoint against every role under the default role × permission matrix, edits of the
 * matrix taking effect, user administration and the caller's own account.
 */
@ExtendWith(ArquillianExtension.class)
class AccessControlIT {

    /** The matrix as the migrations seed it (V3, V4, V6, V9, V11, V12, V14, V15, V17, V21, V23). */
    private static final Map<String, Set<String>> DEFAULT_GRANTS = Map.of(
            "viewer", Set.of("task:read", "fleet:read", "agent:read", "self:manage", "spiral:read", "ritual:read",
                    "memory:read", "analytics:read", "project:read"),
            "developer", Set.of("task:read", "fleet:read", "agent:read", "self:manage", "task:create", "task:cancel",
                    "spiral:read", "ritual:read", "spiral:run", "memory:read", "memory:write", "analytics:read",
                    "project:read", "gateway:use", "webhook:manage"),
            "operator", Set.of("task:read", "fleet:read", "agent:read", "self:manage", "task:create", "task:cancel",
                    "task:decide", "agent:manage", "profile:manage", "spiral:read", "ritual:read", "spiral:run",
                    "spiral:manage", "ritual:run", "memory:read", "memory:write", "analytics:read", "project:read",
                    "gateway:use", "usage:read", "webhook:manage"),
            "admin", Set.of("task:read", "fleet:read", "agent:read", "self:manage", "task:create", "task:cancel",
                    "task:decide", "agent:manage", "profile:manage", "user:read", "user:manage", "role:manage",
                    "audit:read", "audit:acknowledge", "security:manage", "spiral:read", "ritual:read", "spiral:run",
                    "spiral:manage", "ritual:run", "ritual:manage", "memory:read", "memory:write", "analytics:read",
                    "provider:manage", "project:read", "project:manage", "gateway:use", "gateway:manage", "usage:read",
                    "webhook:manage"));

    /** One call of the API and the permission it needs. Bodies of changing calls are harmless or invalid. */
    private record Call(String method, String path, String body, String permission) {

        HelixClient.Answer by(HelixClient client) {
            return switch (method) {
                case "GET" -> client.get(path);
                case "POST" -> client.post(path, body);
                case "PUT" -> client.put(path, body);
                case "DELETE" -> client.delete(path);
                default -> throw new IllegalArgumentException(method);
            };
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    private final HelixClient admin = HelixClient.admin();
    private Map<String, HelixClient> byRole;

    @BeforeEach
    void oneUserPerRole() {
        byRole = new LinkedHashMap<>();
        for (String role : DEFAULT_GRANTS.keySet()) {
            byRole.put(role, HelixClient.user("access-" + role, role));
        }
    }

    @Test
    void everyEndpointAnswers401WithoutCredentials403WithoutItsPermissionAndServesItsHolders() {
        long task = admin.post("/api/v1/tasks", "{\"title\":\"Access\",\"prompt\":\"Check access\",\"justDoIt\":true}")
                .expect(201).object().getJsonNumber("id").longValue();
        long agent = anyAgent();
        List<Call> calls = List.of(
                new Call("GET", "/api/v1/tasks", null, "task:read"),
                new Call("POST", "/api/v1/tasks", "{}", "task:create"),
                new Call("GET", "/api/v1/tasks/" + task, null, "task:read"),
                new Call("GET", "/api/v1/tasks/" + task + "/progress", null, "task:read"),
                new Call("GET", "/api/v1/tasks/" + task + "/history", null, "task:read"),
                new Call("GET", "/api/v1/tasks/" + task + "/approvals", null, "task:read"),
                new Call("GET", "/api/v1/tasks/" + task + "/documents/history", null, "task:read"),
                new Call("POST", "/api/v1/tasks/" + task + "/approvals", "{}", "task:decide"),
                new Call("POST", "/api/v1/tasks/999999999/cancel", "", "task:cancel"),
                new Call("GET", "/api/v1/fleet/live-progress", null, "fleet:read"),
                new Call("GET", "/api/v1/agents", null, "agent:read"),
                new Call("GET", "/api/v1/agents/pool", null, "agent:read"),
                new Call("GET", "/api/v1/agents/profiles", null, "agent:read"),
                new Call("GET", "/api/v1/agents/profiles/architect", null, "agent:read"),
                new Call("GET", "/api/v1/agents/" + agent, null, "agent:read"),
                new Call("GET", "/api/v1/agents/" + agent + "/sessions", null, "agent:read"),
                new Call("POST", "/api/v1/agents", "{}", "agent:manage"),
                new Call("PUT", "/api/v1/agents/" + agent, "{}", "agent:manage"),
                new Call("DELETE", "/api/v1/agents/999999999", null, "agent:manage"),
                new Call("POST", "/api/v1/agents/profiles", "{}", "profile:manage"),
                new Call("PUT", "/api/v1/agents/profiles/architect", "{}", "profile:manage"),
                new Call("GET", "/api/v1/admin/gateway/models", null, "gateway:manage"),
                new Call("GET", "/api/v1/admin/gateway/models/offline", null, "gateway:manage"),
                new Call("POST", "/api/v1/admin/gateway/models", "{}", "gateway:manage"),
                new Call("PUT", "/api/v1/admin/gateway/models/nothing-at-all", "{}", "gateway:manage"),
                new Call("DELETE", "/api/v1/admin/gateway/models/nothing-at-all", null, "gateway:manage"),
                new Call("GET", "/api/v1/usage", null, "usage:read"),
                new Call("GET", "/api/v1/webhooks", null, "webhook:manage"),
                new Call("POST", "/api/v1/webhooks", "{}", "webhook:manage"),
                new Call("GET", "/api/v1/webhooks/999999999/deliveries", null, "webhook:manage"),
                new Call("GET", "/api/v1/admin/chatops", null, "security:manage"),
                new Call("PUT", "/api/v1/admin/chatops", "{}", "security:manage"),
                new Call("GET", "/api/v1/admin/providers", null, "provider:manage"),
                new Call("GET", "/api/v1/admin/providers/offline", null, "provider:manage"),
                new Call("POST", "/api/v1/admin/providers", "{}", "provider:manage"),
                new Call("PUT", "/api/v1/admin/providers/nobody-at-all", "{}", "provider:manage"),
                new Call("DELETE", "/api/v1/admin/providers/nobody-at-all", null, "provider:manage"),
                new Call("POST", "/api/v1/admin/providers/offline/test", "", "provider:manage"),
                new Call("GET", "/api/v1/admin/sandbox", null, "security:manage"),
                new Call("GET", "/api/v1/projects", null, "project:read"),
                new Call("GET", "/api/v1/projects/999999999", null, "project:read"),
                new Call("POST", "/api/v1/projects", "{}", "project:manage"),
                new Call("PUT", "/api/v1/projects/999999999", "{}", "project:manage"),
                new Call("DELETE", "/api/v1/projects/999999999", null, "project:manage"),
                new Call("GET", "/api/v1/admin/users", null, "user:read"),
                new Call("GET", "/api/v1/admin/users/admin", null, "user:read"),
                new Call("POST", "/api/v1/admin/users", "{}", "user:manage"),
                new Call("PUT", "/api/v1/admin/users/nobody-at-all", "{}", "user:manage"),
                new Call("POST", "/api/v1/admin/users/nobody-at-all/password", "{}", "user:manage"),
                new Call("DELETE", "/api/v1/admin/users/nobody-at-all", null, "user:manage"),
                new Call("GET", "/api/v1/admin/users/admin/api-keys", null, "user:read"),
                new Call("POST", "/api/v1/admin/users/nobody-at-all/api-keys", "{}", "user:manage"),
                new Call("DELETE", "/api/v1/admin/users/nobody-at-all/api-keys/999999999", null, "user:manage"),
                new Call("GET", "/api/v1/admin/secrets", null, "security:manage"),
                new Call("PUT", "/api/v1/admin/secrets/access-probe", "{}", "security:manage"),
                new Call("DELETE", "/api/v1/admin/secrets/no-such-secret", null, "security:manage"),
                new Call("GET", "/api/v1/admin/security", null, "security:manage"),
                new Call("PUT", "/api/v1/admin/security", "{}", "security:manage"),
                new Call("GET", "/api/v1/admin/sso", null, "security:manage"),
                new Call("POST", "/api/v1/admin/sso/role-sync", "", "role:manage"),
                new Call("GET", "/api/v1/admin/permissions", null, "role:manage"),
                new Call("GET", "/api/v1/admin/roles", null, "role:manage"),
                new Call("PUT", "/api/v1/admin/roles/viewer", "{}", "role:manage"),
                new Call("GET", "/api/v1/admin/audit", null, "audit:read"),
                new Call("GET", "/api/v1/admin/audit/verify", null, "audit:read"),
                new Call("GET", "/api/v1/admin/audit/health", null, "audit:read"),
                new Call("POST", "/api/v1/admin/audit/breaks/999999999/acknowledgement", "{}", "audit:acknowledge"),
                new Call("GET", "/api/v1/me", null, "self:manage"),
                new Call("PUT", "/api/v1/me/password", "{}", "self:manage"),
                new Call("GET", "/api/v1/me/api-keys", null, "self:manage"),
                new Call("POST", "/api/v1/me/api-keys", "{}", "self:manage"),
                new Call("DELETE", "/api/v1/me/api-keys/999999999", null, "self:manage"),
                new Call("GET", "/api/v1/me/notifications", null, "self:manage"),
                new Call("GET", "/api/v1/agents/profiles/architect/inbox", null, "agent:read"),
                new Call("GET", "/api/v1/spirals", null, "spiral:read"),
                new Call("POST", "/api/v1/spirals", "{}", "spiral:manage"),
                new Call("GET", "/api/v1/spirals/999999999", null, "spiral:read"),
                new Call("PUT", "/api/v1/spirals/999999999", "{}", "spiral:manage"),
                new Call("DELETE", "/api/v1/spirals/999999999", null, "spiral:manage"),
                new Call("POST", "/api/v1/spirals/999999999/secret", "", "spiral:manage"),
                new Call("GET", "/api/v1/spirals/999999999/versions", null, "spiral:read"),
                new Call("POST", "/api/v1/spirals/999999999/runs", "", "spiral:run"),
                new Call("GET", "/api/v1/spirals/999999999/runs", null, "spiral:read"),
                new Call("GET", "/api/v1/spirals/999999999/runs/1", null, "spiral:read"),
                new Call("POST", "/api/v1/spirals/999999999/runs/1/restart", "", "spiral:run"),
                new Call("POST", "/api/v1/spirals/999999999/runs/1/stop", "", "spiral:run"),
                new Call("GET", "/api/v1/rituals", null, "ritual:read"),
                new Call("GET", "/api/v1/rituals/stages", null, "ritual:read"),
                new Call("GET", "/api/v1/rituals/z-88", null, "ritual:read"),
                new Call("PUT", "/api/v1/rituals/z-88", "{\"stages\":[]}", "ritual:manage"),
                new Call("POST", "/api/v1/rituals/z-88/runs", "{\"steps\":1}", "ritual:run"),
                new Call("GET", "/api/v1/rituals/z-88/runs", null, "ritual:read"),
                new Call("GET", "/api/v1/rituals/z-88/runs/999999999", null, "ritual:read"),
                new Call("POST", "/api/v1/memory", "{}", "memory:write"),
                new Call("POST", "/api/v1/memory/search", "{}", "memory:read"),
                new Call("GET", "/api/v1/memory/status", null, "memory:read"),
                new Call("GET", "/api/v1/memory/999999999", null, "memory:read"),
                new Call("DELETE", "/api/v1/memory/999999999", null, "memory:write"),
                new Call("GET", "/api/v1/tasks/999999999/memories", null, "task:read"),
                new Call("GET", "/api/v1/analytics/series", null, "analytics:read"),
                new Call("GET", "/api/v1/analytics/series/tasks.created", null, "analytics:read"),
                new Call("GET", "/api/v1/analytics/anomalies", null, "analytics:read"),
                new Call("GET", "/api/v1/analytics/ucf", null, "analytics:read"),
                new Call("GET", "/api/v1/analytics/ucf/history", null, "analytics:read"),
                new Call("GET", "/api/v1/analytics/report?format=xml", null, "analytics:read"));

        for (Call call : calls) {
            call.by(HelixClient.anonymous()).problem(401);
            byRole.forEach((role, client) -> {
                HelixClient.Answer answer = call.by(client);
                if (DEFAULT_GRANTS.get(role).contains(call.permission())) {
                    // Served: anything but a refusal or a server error (503 is fine: role sync with no Keycloak here).
                    assertTrue(answer.status() != 401 && answer.status() != 403 && answer.status() != 500,
                            () -> role + " holds " + call.permission() + " but " + call + " answered " + answer);
                } else {
                    JsonObject problem = answer.problem(403);
                    assertTrue(problem.getString("detail").contains(call.permission()),
                            () -> call + " for " + role + ": " + problem);
                }
            });
        }
    }

    @Test
    void aPermissionGrantedToARoleTakesEffectAtOnceAndCanBeTakenBack() {
        HelixClient viewer = byRole.get("viewer");
        String create = "{\"title\":\"By a viewer\",\"prompt\":\"Allowed for a moment\"}";
        viewer.post("/api/v1/tasks", create).problem(403);
        try {
            JsonObject granted = admin.put("/api/v1/admin/roles/viewer", grants("viewer", "task:create")).expect(200).object();
            assertTrue(granted.getJsonArray("permissions").toString().contains("task:create"), granted::toString);
            viewer.post("/api/v1/tasks", create).expect(201);
        } finally {
            admin.put("/api/v1/admin/roles/viewer", grants("viewer")).expect(200);
        }
        viewer.post("/api/v1/tasks", create).problem(403);

        admin.put("/api/v1/admin/roles/admin", "{\"permissions\":[\"task:read\"]}").problem(422);
        admin.put("/api/v1/admin/roles/overlord", "{\"permissions\":[]}").problem(404);
        admin.put("/api/v1/admin/roles/viewer", "{\"permissions\":[\"task:destroy\"]}").problem(422);
        assertEquals(DEFAULT_GRANTS.get("admin").size(), admin.get("/api/v1/admin/roles").json().asJsonArray().stream()
                .map(JsonObject.class::cast).filter(r -> r.getString("role").equals("admin")).findFirst().orElseThrow()
                .getJsonArray("permissions").size());
    }

    @Test
    void administratorsManageAUsersWholeLife() {
        String name = "lifecycle-" + System.nanoTime();
        admin.post("/api/v1/admin/users", "{\"username\":\"" + name + "\",\"password\":\"first-password-1\",\"roles\":[\"viewer\"]}")
                .expect(201);
        HelixClient user = HelixClient.as(name, "first-password-1");
        user.post("/api/v1/tasks", "{\"title\":\"t\",\"prompt\":\"p\"}").problem(403);

        JsonObject promoted = admin.put("/api/v1/admin/users/" + name, "{\"roles\":[\"developer\"]}").expect(200).object();
        assertEquals("[\"developer\"]", promoted.getJsonArray("roles").toString());
        user.post("/api/v1/tasks", "{\"title\":\"t\",\"prompt\":\"p\"}").expect(201);
        admin.put("/api/v1/admin/users/" + name, "{\"roles\":[\"viewer\"]}").expect(200);
        user.post("/api/v1/tasks", "{\"title\":\"t\",\"prompt\":\"p\"}").problem(403); // demoted: at once too
        admin.put("/api/v1/admin/users/" + name, "{\"roles\":[\"developer\"]}").expect(200);
        user.post("/api/v1/tasks", "{\"title\":\"t\",\"prompt\":\"p\"}").expect(201);

        admin.put("/api/v1/admin/users/" + name, "{\"enabled\":false}").expect(200);
        user.get("/api/v1/me").problem(401);
        admin.put("/api/v1/admin/users/" + name, "{\"enabled\":true}").expect(200);
        user.get("/api/v1/me").expect(200);

        admin.post("/api/v1/admin/users/" + name + "/password", "{\"password\":\"second-password-2\"}").expect(204);
        user.get("/api/v1/me").problem(401);
        HelixClient.as(name, "second-password-2").get("/api/v1/me").expect(200);

        admin.put("/api/v1/admin/users/" + name, "{\"roles\":[\"wizard\"]}").problem(422);
        admin.put("/api/v1/admin/users/" + name, "{\"enabled\":\"maybe\"}").problem(400);
        HelixClient.as(name, "second-password-2").get("/api/v1/me").expect(200);
        admin.delete("/api/v1/admin/users/" + name).expect(204);
        HelixClient.as(name, "second-password-2").get("/api/v1/me").problem(401);
        admin.get("/api/v1/admin/users/" + name).problem(404);
    }

    @Test
    void theLastEnabledAdministratorCanBeNeitherDisabledNorDeleted() {
        List<String> otherAdmins = admin.get("/api/v1/admin/users").json().asJsonArray().stream()
                .map(JsonObject.class::cast)
                .filter(u -> u.getBoolean("enabled") && u.getJsonArray("roles").toString().contains("\"admin\"")
                        && !u.getString("username").equals("admin"))
                .map(u -> u.getString("username")).toList();
        try {
            otherAdmins.forEach(name -> admin.put("/api/v1/admin/users/" + name, "{\"enabled\":false}").expect(200));
            admin.put("/api/v1/admin/users/admin", "{\"enabled\":false}").problem(409);
            admin.put("/api/v1/admin/users/admin", "{\"roles\":[\"viewer\"]}").problem(409);
            admin.delete("/api/v1/admin/users/admin").problem(409);
            admin.get("/api/v1/me").expect(200);
        } finally {
            otherAdmins.forEach(name -> admin.put("/api/v1/admin/users/" + name, "{\"enabled\":true}").expect(200));
        }
    }

    @Test
    void usersSeeThemselvesAndChangeTheirOwnPassword() {
        String name = "self-" + System.nanoTime();
        HelixClient user = HelixClient.user(name, "developer");
        JsonObject me = user.get("/api/v1/me").expect(200).object();
        assertEquals(name, me.getString("username"));
        assertEquals("[\"developer\"]", me.getJsonArray("roles").toString());
        assertEquals(DEFAULT_GRANTS.get("developer"), me.getJsonArray("permissions").getValuesAs(
                JsonString.class).stream().map(JsonString::getString).collect(Collectors.toSet()));

        user.put("/api/v1/me/password", "{\"currentPassword\":\"not-my-password\",\"newPassword\":\"brand-new-pass-3\"}")
                .problem(422);
        user.put("/api/v1/me/password", "{\"currentPassword\":\"" + name + "-password-123\",\"newPassword\":\"short\"}")
                .problem(422);
        user.put("/api/v1/me/password", "{\"currentPassword\":\"" + name + "-password-123\",\"newPassword\":\"brand-new-pass-3\"}")
                .expect(204);
        user.get("/api/v1/me").problem(401);
        HelixClient.as(name, "brand-new-pass-3").get("/api/v1/me").expect(200);
    }

    private static String grants(String role, String... extra) {
        Set<String> permissions = new TreeSet<>(DEFAULT_GRANTS.get(role));
        permissions.addAll(List.of(extra));
        return "{\"permissions\":[" + permissions.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(",")) + "]}";
    }

    private long anyAgent() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            var agents = admin.get("/api/v1/agents").expect(200).json().asJsonArray();
            if (!agents.isEmpty()) {
                return agents.getJsonObject(0).getJsonNumber("id").longValue();
            }
            HelixClient.sleep(200);
        }
        throw new AssertionError("no agent started within a minute");
    }
}
