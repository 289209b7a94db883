package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A work order that goes missing does not strand its task. With the agent workers paused, the administrator deletes
 * the task's waiting order from the dispatch queue through Liberty's JMX REST connector (the queue's MBean, as the
 * Admin Center does; orders of other tests' tasks go too, and are resent likewise); the dispatch watchdog finds the
 * order overdue and gone at two sweeps, sends a fresh one, and the task goes on to its review. The IT server counts
 * an order overdue after 5 s ({@code helix.dispatch.stall-after}), so the resend comes within about 65 s.
 */
@ExtendWith(ArquillianExtension.class)
class ResentOrderIT {

    private static final String ENDPOINTS = "WebSphere:feature=kernel,name=ServerEndpointControl";
    private static final String DISPATCH_QUEUE = "WebSphere:feature=wasJmsServer,type=Queue,name=helix.dispatch";
    private static final String WORKERS = "helix#helix-jms.jar#DispatchWorker";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void aTaskWhoseOrderWasDeletedFromTheQueueGetsAFreshOneAndReachesItsReview() {
        HelixClient admin = HelixClient.admin().overHttps();
        long id;
        invoke(admin, ENDPOINTS, "pause", WORKERS);
        try {
            id = admin.post("/api/v1/tasks", "{\"title\":\"Lost order\",\"prompt\":\"Add a cache. Count hits.\","
                    + "\"justDoIt\":true}").expect(201).object().getJsonNumber("id").longValue();
            awaitQueueDepth(admin, 1);
            invoke(admin, DISPATCH_QUEUE, "deleteAllQueuedMessages", false);
        } finally {
            invoke(admin, ENDPOINTS, "resume", WORKERS);
        }

        JsonObject review = admin.awaitTask(id, t -> t.getString("status").equals("IMPLEMENTATION_REVIEW"),
                Duration.ofSeconds(120));
        assertEquals(review.getInt("total"), review.getInt("done"), review::toString);
        List<String> path = admin.get("/api/v1/tasks/" + id + "/history").expect(200).json().asJsonArray().stream()
                .map(v -> v.asJsonObject().getString("to")).toList();
        assertEquals(List.of("BACKLOG", "IMPLEMENTATION_QUEUED", "IMPLEMENTATION", "IMPLEMENTATION_REVIEW"), path);
        String target = "/api/v1/tasks/" + id;
        List<String> resent = admin.get("/api/v1/admin/audit?action=task.redispatch&target="
                + URLEncoder.encode(target, StandardCharsets.UTF_8)).expect(200).json().asJsonArray()
                .getValuesAs(JsonObject.class).stream().filter(entry -> entry.getString("target").equals(target))
                .map(entry -> entry.getString("detail")).toList();
        assertTrue(resent.stream().anyMatch(detail -> detail.startsWith("Work order 1, due at ")), resent::toString);
    }

    private static void awaitQueueDepth(HelixClient admin, long atLeast) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (queueDepth(admin) < atLeast) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the task's work order never reached the dispatch queue");
            }
            HelixClient.sleep(100);
        }
    }

    private static long queueDepth(HelixClient admin) {
        return Long.parseLong(admin.get(mbean(DISPATCH_QUEUE) + "/attributes/Depth").expect(200).object()
                .get("value").toString().replace("\"", ""));
    }

    /** Invokes an MBean operation with one argument (a string or a boolean, sent as text) through the JMX REST connector. */
    private static void invoke(HelixClient admin, String objectName, String operation, Object argument) {
        String type = argument.getClass().getName();
        admin.post(mbean(objectName) + "/operations/" + operation, "{\"params\":[{\"value\":\"" + argument + "\",\"type\":\""
                + type + "\"}],\"signature\":[\"" + type + "\"]}")
                .expect(200);
    }

    private static String mbean(String objectName) {
        return "/IBMJMXConnectorREST/mbeans/" + URLEncoder.encode(objectName, StandardCharsets.UTF_8);
    }
}
