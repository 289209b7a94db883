package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Event webhooks on the real server: a task's events reach a local receiver signed in the Standard Webhooks way,
 * a failing receiver gets the same message again until it takes it, a delivery can be sent again, and a subscription
 * to a private address or of another user is refused.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    private HookReceiver receiver;
    private HelixClient admin;
    private HelixClient developer;

    @BeforeEach
    void receiver() {
        receiver = new HookReceiver();
        admin = HelixClient.admin();
        developer = HelixClient.user("wendy-web", "developer");
    }

    private final List<Long> subscriptions = new ArrayList<>();

    @AfterEach
    void stop() {
        subscriptions.forEach(id -> admin.delete("/api/v1/webhooks/" + id));
        receiver.close();
    }

    private JsonObject subscribe(String body) {
        JsonObject created = admin.post("/api/v1/webhooks", body).expect(201).object();
        subscriptions.add(created.getJsonNumber("id").longValue());
        return created;
    }

    @Test
    void aTasksEventsReachTheSubscriberSignedAndAreLoggedAsDelivered() throws Exception {
        JsonObject subscription = subscribe("{\"url\":\"" + receiver.url("/events")
                + "\",\"events\":[\"task.approval-needed\",\"task.done\"],\"allowPrivate\":true}");
        String secret = subscription.getString("secret");
        assertTrue(secret.startsWith("whsec_"), secret);
        long id = subscription.getJsonNumber("id").longValue();
        assertFalse(admin.get("/api/v1/webhooks/" + id).expect(200).object().containsKey("secret"), "shown once");

        long task = developer.post("/api/v1/tasks", "{\"title\":\"Hooked\",\"prompt\":\"Fix the typo\",\"justDoIt\":true}")
                .expect(201).object().getJsonNumber("id").longValue();
        developer.awaitStatus(task, "IMPLEMENTATION_REVIEW");
        HookReceiver.Received review = awaitEvent(e -> e.getString("type").equals("task.approval-needed")
                && e.getJsonObject("data").getJsonNumber("taskId").longValue() == task);
        assertEquals("IMPLEMENTATION_REVIEW", json(review).getJsonObject("data").getString("status"));
        assertSigned(review, secret);

        HelixClient.user("otto-web", "operator").post("/api/v1/tasks/" + task + "/approvals",
                "{\"gate\":\"IMPLEMENTATION\",\"decision\":\"APPROVE\"}").expect(200);
        HookReceiver.Received done = awaitEvent(e -> e.getString("type").equals("task.done")
                && e.getJsonObject("data").getJsonNumber("taskId").longValue() == task);
        assertEquals("Hooked", json(done).getJsonObject("data").getString("title"));
        assertSigned(done, secret);
        assertTrue(receiver.received().stream().map(r -> json(r).getString("type"))
                .allMatch(t -> t.equals("task.approval-needed") || t.equals("task.done")), "only the events subscribed to");

        JsonObject logged = awaitDelivery(id, done.headers().get("webhook-id"), d -> d.getString("status").equals("DELIVERED"));
        JsonObject attempt = logged.getJsonArray("attemptLog").getJsonObject(0);
        assertEquals(200, attempt.getInt("statusCode"));
        assertEquals("task.done", logged.getString("event"));
    }

    @Test
    void aFailingReceiverGetsTheSameMessageAgainUntilItTakesItAndARedeliverySendsItOnceMore() {
        long id = subscribe("{\"url\":\"" + receiver.url("/flaky")
                + "\",\"events\":[\"task.approval-needed\"],\"allowPrivate\":true}").getJsonNumber("id").longValue();
        // One event of this task only: its spec's review (the test does not decide it). Other tests' tasks may reach a
        // review meanwhile: their deliveries are taken at once.
        String title = "Retried " + System.nanoTime();
        receiver.failNext(2, body -> body.contains(title));
        long task = developer.post("/api/v1/tasks", "{\"title\":\"" + title + "\",\"prompt\":\"Fix the typo\"}")
                .expect(201).object().getJsonNumber("id").longValue();

        HookReceiver.Received first = awaitEvent(e -> e.getJsonObject("data").getJsonNumber("taskId").longValue() == task);
        String messageId = first.headers().get("webhook-id");
        JsonObject delivered = awaitDelivery(id, messageId, d -> d.getString("status").equals("DELIVERED"));
        JsonArray attempts = delivered.getJsonArray("attemptLog");
        assertEquals(List.of(500, 500, 200), attempts.getValuesAs(JsonObject.class).stream()
                .map(a -> a.getInt("statusCode")).toList(), delivered::toString);
        assertEquals(3, receiver.received().stream().filter(r -> messageId.equals(r.headers().get("webhook-id"))).count());

        long deliveryId = delivered.getJsonNumber("id").longValue();
        admin.postEmpty("/api/v1/webhooks/" + id + "/deliveries/" + deliveryId + "/redeliver").expect(202);
        awaitDelivery(id, messageId, d -> d.getJsonArray("attemptLog").size() == 4 && d.getString("status").equals("DELIVERED"));
        assertEquals(4, receiver.received().stream().filter(r -> messageId.equals(r.headers().get("webhook-id"))).count());
    }

    @Test
    void privateAddressesUnknownEventsAndOtherUsersSubscriptionsAreRefused() {
        String local = receiver.url("/mine");
        JsonObject privateRefused = developer.post("/api/v1/webhooks", "{\"url\":\"" + local
                + "\",\"events\":[\"task.done\"]}").problem(422);
        assertTrue(privateRefused.getString("detail").contains("private or local address"), privateRefused::toString);
        JsonObject notAdmin = developer.post("/api/v1/webhooks", "{\"url\":\"" + local
                + "\",\"events\":[\"task.done\"],\"allowPrivate\":true}").problem(403);
        assertTrue(notAdmin.getString("detail").contains("administrator"), notAdmin::toString);
        assertTrue(developer.post("/api/v1/webhooks", "{\"url\":\"https://example.org/h\",\"events\":[\"task.exploded\"]}")
                .problem(422).getString("detail").contains("task.exploded"));
        assertTrue(developer.post("/api/v1/webhooks", "{\"url\":\"https://example.org/h\",\"events\":[]}")
                .problem(422).getString("detail").contains("events"));
        assertTrue(developer.post("/api/v1/webhooks", "{\"url\":\"ftp://example.org/h\",\"events\":[\"task.done\"]}")
                .problem(422).getString("detail").contains("http"));
        assertTrue(developer.post("/api/v1/webhooks", "{\"url\":\"https://example.org/h\",\"events\":[\"task.done\"],"
                + "\"secret\":\"short\"}").problem(422).getString("detail").contains("whsec_"));

        long adminsOwn = admin.post("/api/v1/webhooks", "{\"url\":\"" + local + "\",\"events\":[\"task.done\"],"
                + "\"allowPrivate\":true}").expect(201).object().getJsonNumber("id").longValue();
        developer.get("/api/v1/webhooks/" + adminsOwn).problem(404);
        developer.delete("/api/v1/webhooks/" + adminsOwn).problem(404);
        assertTrue(developer.get("/api/v1/webhooks").expect(200).json().asJsonArray().getValuesAs(JsonObject.class)
                .stream().noneMatch(s -> s.getJsonNumber("id").longValue() == adminsOwn));
        admin.delete("/api/v1/webhooks/" + adminsOwn).expect(204);
        admin.get("/api/v1/webhooks/" + adminsOwn).problem(404);
    }

    private HookReceiver.Received awaitEvent(Predicate<JsonObject> wanted) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            for (HookReceiver.Received r : receiver.received()) {
                if (wanted.test(json(r))) {
                    return r;
                }
            }
            HelixClient.sleep(100);
        }
        throw new AssertionError("no such event within 60 s; received " + receiver.received());
    }

    private JsonObject awaitDelivery(long subscription, String messageId, Predicate<JsonObject> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            last = admin.get("/api/v1/webhooks/" + subscription + "/deliveries").expect(200).json().asJsonArray()
                    .getValuesAs(JsonObject.class).stream().filter(d -> d.getString("messageId").equals(messageId))
                    .findFirst().orElse(null);
            if (last != null && condition.test(last)) {
                return last;
            }
            HelixClient.sleep(200);
        }
        throw new AssertionError("delivery " + messageId + " did not get there within 60 s; last: " + last);
    }

    /** Checks the Standard Webhooks headers, computing the signature here with the secret's bytes. */
    private static void assertSigned(HookReceiver.Received request, String secret) throws Exception {
        String id = request.headers().get("webhook-id");
        String timestamp = request.headers().get("webhook-timestamp");
        assertTrue(id.startsWith("msg_"), id);
        assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300, timestamp);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, request.headers().get("webhook-signature"));
        assertEquals("application/json", request.headers().get("content-type"));
    }

    private static JsonObject json(HookReceiver.Received request) {
        return Json.createReader(new StringReader(request.body())).readObject();
    }
}
