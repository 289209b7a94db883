package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An API key's life: issued and shown once, used both ways, held to its scopes, expiring, revoked. */
@ExtendWith(ArquillianExtension.class)
class ApiKeyIT {

    private HelixClient developer;
    private String developerName;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @BeforeEach
    void developer() {
        developerName = "keys-" + System.nanoTime();
        developer = HelixClient.user(developerName, "developer");
    }

    @Test
    void aKeyIsShownOnceWorksAsBearerAndAsXApiKeyAndRecordsItsUse() throws Exception {
        JsonObject issued = developer.post("/api/v1/me/api-keys", "{\"name\":\"ci\"}").expect(201).object();
        String key = issued.getString("key");
        assertTrue(key.startsWith("hx_" + issued.getString("prefix") + "_"), issued::toString);
        assertEquals(List.of("agent:read", "analytics:read", "fleet:read", "gateway:use", "memory:read", "memory:write",
                        "project:read", "ritual:read", "self:manage", "spiral:read", "spiral:run", "task:cancel", "task:create",
                        "task:read", "webhook:manage"),
                issued.getJsonArray("scopes").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList(), "no scopes asked: all of the owner's");

        JsonObject listed = developer.get("/api/v1/me/api-keys").expect(200).json().asJsonArray().getJsonObject(0);
        assertFalse(listed.containsKey("key"), "the key's text is never shown again: " + listed);

        assertEquals(developerName, HelixClient.withBearer(key).get("/api/v1/me").expect(200).object().getString("username"));
        HttpResponse<String> viaHeader = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(HelixClient.BASE + "/api/v1/tasks")).header("X-API-Key", key).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"By key\",\"prompt\":\"p\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, viaHeader.statusCode(), viaHeader.body());

        JsonObject used = developer.get("/api/v1/me/api-keys").expect(200).json().asJsonArray().getJsonObject(0);
        assertNotNull(used.getString("lastUsedAt", null), used::toString);
    }

    @Test
    void aKeyCanDoOnlyWhatItsScopesAllowAndNeverMoreThanItsOwner() {
        String readOnly = developer.post("/api/v1/me/api-keys", "{\"name\":\"reader\",\"scopes\":[\"task:read\"]}")
                .expect(201).object().getString("key");
        HelixClient reader = HelixClient.withBearer(readOnly);
        reader.get("/api/v1/tasks").expect(200);
        assertTrue(reader.post("/api/v1/tasks", "{\"title\":\"t\",\"prompt\":\"p\"}").problem(403)
                .getString("detail").contains("task:create"));
        reader.get("/api/v1/me").problem(403);

        JsonObject beyond = developer.post("/api/v1/me/api-keys", "{\"name\":\"greedy\",\"scopes\":[\"task:decide\"]}")
                .problem(422);
        assertTrue(beyond.getString("detail").contains("task:decide"), beyond::toString);
        developer.post("/api/v1/me/api-keys", "{\"name\":\"odd\",\"scopes\":[\"task:destroy\"]}").problem(422);
    }

    @Test
    void anExpiredKeyAndARevokedKeyAreRefused() {
        String soon = Instant.now().plusSeconds(2).toString();
        String shortLived = developer.post("/api/v1/me/api-keys", "{\"name\":\"brief\",\"expiresAt\":\"" + soon + "\"}")
                .expect(201).object().getString("key");
        HelixClient.withBearer(shortLived).get("/api/v1/me").expect(200);
        HelixClient.sleep(2500);
        HelixClient.withBearer(shortLived).get("/api/v1/me").problem(401);
        developer.post("/api/v1/me/api-keys", "{\"name\":\"past\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}").problem(422);

        JsonObject issued = developer.post("/api/v1/me/api-keys", "{\"name\":\"to revoke\"}").expect(201).object();
        HelixClient key = HelixClient.withBearer(issued.getString("key"));
        key.get("/api/v1/me").expect(200);
        developer.delete("/api/v1/me/api-keys/" + issued.getJsonNumber("id").longValue()).expect(204);
        key.get("/api/v1/me").problem(401);
        HelixClient.user("keys-other", "developer").delete("/api/v1/me/api-keys/" + issued.getJsonNumber("id").longValue())
                .problem(404);
        HelixClient.withBearer("hx_notakey0_" + "A".repeat(43)).get("/api/v1/me").problem(401);
    }

    @Test
    void aKeyFollowsItsOwnersRolesAndAccountAtOnce() {
        HelixClient key = HelixClient.withBearer(developer.post("/api/v1/me/api-keys", "{\"name\":\"follows\"}").expect(201)
                .object().getString("key"));
        String task = "{\"title\":\"By key\",\"prompt\":\"p\"}";
        key.post("/api/v1/tasks", task).expect(201);
        HelixClient admin = HelixClient.admin();

        admin.put("/api/v1/admin/users/" + developerName, "{\"roles\":[\"viewer\"]}").expect(200);
        key.post("/api/v1/tasks", task).problem(403);
        key.get("/api/v1/me").expect(200);

        admin.put("/api/v1/admin/users/" + developerName, "{\"enabled\":false}").expect(200);
        key.get("/api/v1/me").problem(401);

        admin.put("/api/v1/admin/users/" + developerName, "{\"enabled\":true,\"roles\":[\"developer\"]}").expect(200);
        key.post("/api/v1/tasks", task).expect(201);
    }

    @Test
    void aKeyBeyondItsRateLimitGets429WithRetryAfterAndOtherCallersGoOn() {
        String key = developer.post("/api/v1/me/api-keys", "{\"name\":\"slow\",\"rateLimitPerMinute\":5}")
                .expect(201).object().getString("key");
        HelixClient limited = HelixClient.withBearer(key);
        for (int i = 0; i < 5; i++) {
            limited.get("/api/v1/tasks?limit=1").expect(200);
        }
        HelixClient.Answer refused = limited.get("/api/v1/tasks?limit=1");
        JsonObject problem = refused.problem(429);
        assertTrue(problem.getString("detail").contains("5 requests per minute"), problem::toString);
        long retryAfter = Long.parseLong(refused.retryAfter());
        assertTrue(retryAfter >= 1 && retryAfter <= 12, "one request every 12 s: " + retryAfter);

        developer.get("/api/v1/tasks?limit=1").expect(200);
        developer.post("/api/v1/me/api-keys", "{\"name\":\"zero\",\"rateLimitPerMinute\":0}").problem(422);
    }

    @Test
    void administratorsIssueAndRevokeKeysForServiceAccounts() {
        HelixClient admin = HelixClient.admin();
        String service = "svc-" + System.nanoTime();
        HelixClient.user(service, "viewer");
        JsonObject issued = admin.post("/api/v1/admin/users/" + service + "/api-keys", "{\"name\":\"nightly export\"}")
                .expect(201).object();
        HelixClient key = HelixClient.withBearer(issued.getString("key"));
        assertEquals(service, key.get("/api/v1/me").expect(200).object().getString("username"));
        key.post("/api/v1/tasks", "{\"title\":\"t\",\"prompt\":\"p\"}").problem(403);
        admin.post("/api/v1/admin/users/" + service + "/api-keys", "{\"name\":\"wide\",\"scopes\":[\"task:create\"]}")
                .problem(422);
        assertFalse(admin.get("/api/v1/admin/users/" + service + "/api-keys").body().contains(issued.getString("key")));

        admin.delete("/api/v1/admin/users/" + service + "/api-keys/" + issued.getJsonNumber("id").longValue()).expect(204);
        key.get("/api/v1/me").problem(401);
    }

    @Test
    void withHttpBasicTurnedOffOnlyApiKeysAndThePortalSignIn() {
        HelixClient admin = HelixClient.admin();
        HelixClient adminKey = HelixClient.withBearer(admin.post("/api/v1/me/api-keys", "{\"name\":\"while Basic is off\"}")
                .expect(201).object().getString("key"));
        try {
            assertFalse(adminKey.put("/api/v1/admin/security", "{\"basicAuthEnabled\":false}").expect(200).object()
                    .getBoolean("basicAuthEnabled"));
            assertTrue(admin.get("/api/v1/me").problem(401).getString("detail").contains("HTTP Basic is turned off"));
            adminKey.get("/api/v1/me").expect(200);
        } finally {
            adminKey.put("/api/v1/admin/security", "{\"basicAuthEnabled\":true}").expect(200);
        }
        admin.get("/api/v1/me").expect(200);
    }
}
