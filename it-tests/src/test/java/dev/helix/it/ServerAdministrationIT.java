package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntPredicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The initial administrator is also Liberty's server administrator: it runs Helix's batch jobs through Liberty's
 * batch REST API (the API behind the Admin Center's batch tool); no other Helix user is.
 */
@ExtendWith(ArquillianExtension.class)
class ServerAdministrationIT {

    private static final String BATCH = "/ibm/api/batch";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void adminRunsHelixBatchJobThroughLibertysBatchApi() {
        HelixClient admin = HelixClient.admin().overHttps();
        JsonObject instance = admin.post(BATCH + "/jobinstances",
                "{\"applicationName\":\"helix\",\"moduleName\":\"helix-web.war\",\"jobXMLName\":\"pool-snapshot\"}")
                .expect(201).object();
        long id = instance.getJsonNumber("instanceId").longValue();

        JsonObject execution = awaitEnd(admin, id);
        assertEquals("COMPLETED", execution.getString("batchStatus"), execution::toString);
        assertTrue(execution.getString("exitStatus").startsWith("agents="), execution::toString);
    }

    @Test
    void helixUsersOtherThanTheAdministratorAreNotServerAdministrators() {
        HelixClient.user("it-operator-batch", "operator").overHttps().get(BATCH + "/jobinstances").expect(401);
        HelixClient.as("admin", "wrong-password").overHttps().get(BATCH + "/jobinstances").expect(401);
        HelixClient.anonymous().overHttps().get(BATCH + "/jobinstances").expect(401);
    }

    @Test
    void anAdminDisabledInHelixIsNoServerAdministratorEither() {
        HelixClient other = HelixClient.user("it-second-admin", "admin");
        HelixClient admin = HelixClient.admin().overHttps();
        admin.get(BATCH + "/jobinstances").expect(200);
        try {
            other.put("/api/v1/admin/users/admin", "{\"enabled\":false}").expect(200);
            // Liberty still has the registry entry, but the drop-in no longer grants the roles: refused.
            int refused = awaitStatus(admin, status -> status != 200);
            assertTrue(refused == 401 || refused == 403, "batch API answered " + refused);
        } finally {
            other.put("/api/v1/admin/users/admin", "{\"enabled\":true}").expect(200);
        }
        assertEquals(200, awaitStatus(admin, status -> status == 200));
    }

    /** Liberty applies a changed configuration drop-in within moments: waits until the batch API answers so. */
    private static int awaitStatus(HelixClient client, IntPredicate wanted) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int status;
        do {
            status = client.get(BATCH + "/jobinstances").status();
            if (!wanted.test(status)) {
                HelixClient.sleep(250);
            }
        } while (!wanted.test(status) && Instant.now().isBefore(deadline));
        return status;
    }

    private static JsonObject awaitEnd(HelixClient admin, long instanceId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            var executions = admin.get(BATCH + "/jobinstances/" + instanceId + "/jobexecutions").expect(200).json()
                    .asJsonArray();
            if (!executions.isEmpty()) {
                last = executions.getJsonObject(0);
                if (!last.getString("batchStatus").matches("STARTING|STARTED")) {
                    return last;
                }
            }
            HelixClient.sleep(200);
        }
        throw new AssertionError("job instance " + instanceId + " did not end; last execution: " + last);
    }
}
