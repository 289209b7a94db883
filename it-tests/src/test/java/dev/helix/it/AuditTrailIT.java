package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit trail records who did what, where and how it ended; it exports, and it detects tampering. */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {

    private final HelixClient admin = HelixClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void mutatingActionsRefusalsFailuresAndFailedSignInsAreRecorded() {
        String developerName = "audit-dev-" + System.nanoTime();
        HelixClient developer = HelixClient.user(developerName, "developer");
        HelixClient operator = HelixClient.user("audit-operator", "operator");
        long id = developer.post("/api/v1/tasks", "{\"title\":\"Audited\",\"prompt\":\"Record me\",\"justDoIt\":true}")
                .expect(201).object().getJsonNumber("id").longValue();
        JsonObject created = newest("actor=" + developerName + "&action=task.create");
        assertEquals("/api/v1/tasks/" + id, created.getString("target"));
        assertEquals("SUCCESS", created.getString("outcome"));
        assertFalse(created.getString("sourceAddress", "").isBlank(), created::toString);
        assertTrue(Duration.between(Instant.parse(created.getString("recordedAt")), Instant.now()).abs().toMinutes() < 5);

        developer.post("/api/v1/tasks", "{\"title\":\"\",\"prompt\":\"\"}").problem(422);
        assertEquals("FAILURE", newest("actor=" + developerName + "&action=task.create").getString("outcome"));

        developer.post("/api/v1/tasks/" + id + "/approvals", "{\"gate\":\"SPEC\",\"decision\":\"APPROVE\"}").problem(403);
        JsonObject denied = newest("actor=" + developerName + "&action=task.decide");
        assertEquals("DENIED", denied.getString("outcome"));
        assertTrue(denied.getString("detail").contains("task:decide"), denied::toString);

        HelixClient.as(developerName, "not-the-password").get("/api/v1/me").problem(401);
        assertEquals("DENIED", newest("actor=" + developerName + "&action=auth.sign-in").getString("outcome"));

        developer.awaitStatus(id, "IMPLEMENTATION_REVIEW");
        operator.post("/api/v1/tasks/" + id + "/approvals", "{\"gate\":\"IMPLEMENTATION\",\"decision\":\"APPROVE\"}")
                .expect(200);
        JsonObject decided = newest("actor=audit-operator&action=task.decide&target="
                + URLEncoder.encode("/api/v1/tasks/" + id, StandardCharsets.UTF_8));
        assertEquals("{\"status\":\"IMPLEMENTATION_REVIEW\"}", decided.getString("before"));
        assertEquals("{\"status\":\"DONE\"}", decided.getString("after"));
    }

    @Test
    void fiveWrongPasswordsInARowLockTheSignInOutAndAreAudited() {
        String name = "guessed-" + System.nanoTime();
        HelixClient.user(name, "viewer").get("/api/v1/me").expect(200);
        HelixClient guesser = HelixClient.as(name, "guess-number-one");
        for (int i = 0; i < 5; i++) {
            guesser.get("/api/v1/me").problem(401);
        }
        HelixClient.Answer locked = HelixClient.as(name, name + "-password-123").get("/api/v1/me");
        JsonObject problem = locked.problem(429);
        assertTrue(problem.getString("detail").contains("try again in"), problem::toString);
        long retryAfter = Long.parseLong(locked.retryAfter());
        assertTrue(retryAfter > 0 && retryAfter <= 30, "the first lock-out lasts 30 s: " + retryAfter);

        JsonObject lockout = newest("actor=" + name + "&action=auth.lockout");
        assertTrue(lockout.getString("detail").contains("locked out for 30 s"), lockout::toString);
        assertEquals("DENIED", newest("actor=" + name + "&action=auth.sign-in").getString("outcome"));
    }

    @Test
    void theTrailIsSearchedByTimeAndExportedAsCsv() {
        admin.put("/api/v1/admin/roles/viewer", "{\"permissions\":[\"task:read\",\"fleet:read\",\"agent:read\",\"self:manage\"]}")
                .expect(200);
        String later = Instant.now().plusSeconds(3600).toString();
        assertTrue(admin.get("/api/v1/admin/audit?from=" + later).json().asJsonArray().isEmpty());
        admin.get("/api/v1/admin/audit?from=yesterday").problem(422);

        HelixClient.Answer csv = admin.get("/api/v1/admin/audit?format=csv&actor=admin&limit=3", "text/csv").expect(200);
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<String> lines = csv.body().lines().toList();
        assertEquals("id,recordedAt,actor,action,target,sourceAddress,outcome,detail,before,after,previousHash,hash",
                lines.get(0));
        assertTrue(lines.size() >= 2 && lines.get(1).contains("\"role.grant\""), csv.body());
    }

    @Test
    void aHeadLeftBehindItsRecordsNoLongerStopsChangesAndHealsWithTheNextRecord() throws SQLException {
        admin.post("/api/v1/tasks", "{\"title\":\"Before the head slips\",\"prompt\":\"One\"}").expect(201);
        admin.post("/api/v1/tasks", "{\"title\":\"Before the head slips\",\"prompt\":\"Two\"}").expect(201);
        long last;
        try (AuditDatabase db = AuditDatabase.open()) {
            last = db.setHeadBack(2);
        }
        // As after the outage: the head says record last - 2, records last - 1 and last exist.
        long id = admin.post("/api/v1/tasks", "{\"title\":\"After the head slipped\",\"prompt\":\"Three\"}").expect(201)
                .object().getJsonNumber("id").longValue();
        JsonObject created = newest("actor=admin&action=task.create");
        assertEquals("/api/v1/tasks/" + id, created.getString("target"));
        assertTrue(created.getJsonNumber("id").longValue() > last, created::toString);
        HelixClient viewer = HelixClient.user("audit-viewer", "viewer");
        viewer.get("/api/v1/tasks").expect(200);
        HelixClient.as("audit-viewer", "not-the-password").get("/api/v1/me").problem(401);
        viewer.post("/api/v1/tasks", "{\"title\":\"x\",\"prompt\":\"y\"}").problem(403);
        JsonObject verdict = admin.get("/api/v1/admin/audit/verify").expect(200).object();
        assertTrue(verdict.getBoolean("intact"), verdict::toString);
        assertTrue(admin.get("/api/v1/admin/audit/health").expect(200).object().getBoolean("writable"));
    }

    @Test
    void aBreakIsReportedWhileReadsSignInsRefusalsAndChangesGoOnAndAnAdministratorAcknowledgesIt() throws SQLException {
        admin.post("/api/v1/tasks", "{\"title\":\"Broken chain\",\"prompt\":\"Alter my record\"}").expect(201);
        long altered = newest("actor=admin&action=task.create").getJsonNumber("id").longValue();
        HelixClient viewer = HelixClient.user("chain-viewer", "viewer");
        try (AuditDatabase db = AuditDatabase.open()) {
            db.setActor(altered, "mallory");
            try {
                JsonObject broken = breakAt(admin.get("/api/v1/admin/audit/verify").expect(200).object(), altered);
                assertTrue(broken.getString("reason").contains("altered"), broken::toString);
                assertFalse(broken.containsKey("acknowledgedBy"), broken::toString);

                JsonObject readiness = check(HelixClient.anonymous().get("/health/ready").expect(200).object(), "audit-chain");
                assertEquals("UP", readiness.getString("status"), readiness::toString);
                assertEquals("DEGRADED", readiness.getJsonObject("data").getString("state"), readiness::toString);
                assertEquals("BROKEN", readiness.getJsonObject("data").getString("chain"), readiness::toString);
                assertTrue(admin.get("/api/v1/me/notifications").body().contains("broken at record " + altered),
                        "administrators are notified");
                assertFalse(admin.get("/api/v1/admin/audit?action=audit.chain-broken&limit=1000").json().asJsonArray()
                        .isEmpty(), "the break is itself recorded");

                viewer.get("/api/v1/tasks").expect(200);
                HelixClient.as("chain-viewer", "not-the-password").get("/api/v1/me").problem(401);
                viewer.post("/api/v1/tasks", "{\"title\":\"x\",\"prompt\":\"y\"}").problem(403);
                admin.post("/api/v1/tasks", "{\"title\":\"Despite the break\",\"prompt\":\"Go on\"}").expect(201);

                viewer.post("/api/v1/admin/audit/breaks/" + altered + "/acknowledgement", "{\"reason\":\"x\"}").problem(403);
                admin.post("/api/v1/admin/audit/breaks/" + altered + "/acknowledgement", "{\"reason\":\" \"}").problem(422);
                admin.post("/api/v1/admin/audit/breaks/1/acknowledgement", "{\"reason\":\"no break there\"}").problem(404);
                JsonObject acknowledged = admin.post("/api/v1/admin/audit/breaks/" + altered + "/acknowledgement",
                        "{\"reason\":\"Changed by hand in a test; the original actor was admin\"}").expect(200).object();
                assertEquals("admin", acknowledged.getString("acknowledgedBy"));
                admin.post("/api/v1/admin/audit/breaks/" + altered + "/acknowledgement", "{\"reason\":\"again\"}").problem(409);

                JsonObject after = admin.get("/api/v1/admin/audit/verify").expect(200).object();
                assertFalse(after.getBoolean("intact"), "an acknowledged break stays visible: " + after);
                JsonObject marked = breakAt(after, altered);
                JsonObject acknowledgement = admin.get("/api/v1/admin/audit?limit=10&action=audit.acknowledge").json().asJsonArray()
                        .stream().map(JsonValue::asJsonObject).filter(r -> "SUCCESS".equals(r.getString("outcome"))).findFirst()
                        .orElseThrow();
                assertEquals(acknowledgement.getJsonNumber("id").longValue(), marked.getJsonNumber("acknowledgedBy").longValue());
                assertTrue(acknowledgement.getString("after").contains("the original actor was admin"), acknowledgement::toString);
                if (after.getJsonArray("breaks").size() == 1) {
                    assertEquals("ACKNOWLEDGED", after.getString("state"), after::toString);
                }
            } finally {
                db.setActor(altered, "admin");
            }
        }
        JsonObject restored = admin.get("/api/v1/admin/audit/verify").expect(200).object();
        assertTrue(restored.getJsonArray("breaks").stream().map(JsonValue::asJsonObject)
                .noneMatch(b -> b.getJsonNumber("recordId").longValue() == altered), restored::toString);
    }

    @Test
    void whileNoRecordCanBeAppendedChangesAre503AndReadinessIsDownButReadsSignInsAndRefusalsAreAnswered() throws SQLException {
        HelixClient viewer = HelixClient.user("unwritable-viewer", "viewer");
        try (AuditDatabase db = AuditDatabase.open()) {
            db.refuseNewRecords(true);
            try {
                JsonObject refused = admin.post("/api/v1/tasks", "{\"title\":\"Unrecorded\",\"prompt\":\"Must not happen\"}")
                        .problem(503);
                assertTrue(refused.getString("type").endsWith("/audit-unavailable"), refused::toString);
                assertTrue(admin.get("/api/v1/tasks?limit=1000").body().indexOf("Unrecorded") < 0, "the change was not made");

                HelixClient.Answer readiness = HelixClient.anonymous().get("/health/ready");
                assertEquals(503, readiness.status(), readiness::toString);
                JsonObject chain = check(readiness.object(), "audit-chain");
                assertEquals("DOWN", chain.getString("status"), chain::toString);
                assertTrue(chain.getJsonObject("data").getString("reason").contains("changes are refused"), chain::toString);
                assertFalse(admin.get("/api/v1/admin/audit/health").expect(200).object().getBoolean("writable"));

                viewer.get("/api/v1/tasks").expect(200);
                viewer.post("/api/v1/tasks", "{\"title\":\"x\",\"prompt\":\"y\"}").problem(403);
                HelixClient.withBearer("hx_nosuchkk_" + "x".repeat(43)).get("/api/v1/tasks").problem(401);
                HelixClient guesser = HelixClient.as("unwritable-viewer", "not-the-password");
                for (int i = 0; i < 5; i++) {
                    guesser.get("/api/v1/me").problem(401);
                }
                guesser.get("/api/v1/me").problem(429);
            } finally {
                db.refuseNewRecords(false);
            }
        }
        admin.post("/api/v1/tasks", "{\"title\":\"Recorded again\",\"prompt\":\"Go on\"}").expect(201);
        assertTrue(admin.get("/api/v1/admin/audit/health").expect(200).object().getBoolean("writable"));
        HelixClient.anonymous().get("/health/ready").expect(200);
    }

    @Test
    void verificationNamesTheFirstRecordAlteredDirectlyInTheDatabase() throws SQLException {
        assertTrue(admin.get("/api/v1/admin/audit/verify").expect(200).object().getBoolean("intact"));
        admin.post("/api/v1/tasks", "{\"title\":\"Tampered with\",\"prompt\":\"Alter my record\"}").expect(201);
        JsonObject record = newest("actor=admin&action=task.create");
        long id = record.getJsonNumber("id").longValue();

        try (AuditDatabase db = AuditDatabase.open()) {
            db.setActor(id, "mallory");
            try {
                JsonObject verdict = admin.get("/api/v1/admin/audit/verify").expect(200).object();
                assertFalse(verdict.getBoolean("intact"), verdict::toString);
                assertEquals(id, verdict.getJsonNumber("firstBrokenId").longValue(), verdict::toString);
                assertTrue(verdict.getString("reason").contains("altered"), verdict::toString);
            } finally {
                db.setActor(id, "admin");
            }
        }
        assertTrue(admin.get("/api/v1/admin/audit/verify").expect(200).object().getBoolean("intact"));
    }

    private static JsonObject breakAt(JsonObject verdict, long recordId) {
        return verdict.getJsonArray("breaks").stream().map(JsonValue::asJsonObject)
                .filter(b -> b.getJsonNumber("recordId").longValue() == recordId).findFirst()
                .orElseThrow(() -> new AssertionError("no break at record " + recordId + ": " + verdict));
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> name.equals(c.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + ": " + health));
    }

    private JsonObject newest(String query) {
        List<JsonObject> found = admin.get("/api/v1/admin/audit?limit=1&" + query).expect(200).json().asJsonArray()
                .getValuesAs(JsonObject.class);
        assertFalse(found.isEmpty(), "no audit record for " + query);
        return found.get(0);
    }
}
