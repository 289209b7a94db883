package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * An event accepted is delivered across a crash: a delivery that its receiver refused (so it waits for its retry) when
 * the server is killed (SIGKILL) is sent after the restart, with the same webhook-id, and logged as delivered. Runs on
 * {@code helix-crash}.
 */
class WebhookCrashIT {

    private static final StandaloneServer SERVER = new StandaloneServer("helix-crash",
            System.getProperty("helix.it.crash.url", "http://localhost:39080"));

    @AfterAll
    static void stopServer() {
        SERVER.stop();
    }

    @Test
    void aDeliveryWaitingWhenTheServerIsKilledIsDeliveredAfterTheRestart() {
        SERVER.start();
        HelixClient admin = HelixClient.admin().at(SERVER.baseUrl());
        try (HookReceiver receiver = new HookReceiver()) {
            receiver.down(true);
            long subscription = admin.post("/api/v1/webhooks", "{\"url\":\"" + receiver.url("/crash")
                    + "\",\"events\":[\"task.status-changed\"],\"allowPrivate\":true}").expect(201).object()
                    .getJsonNumber("id").longValue();
            String title = "Crash hook " + System.nanoTime();
            admin.post("/api/v1/tasks", "{\"title\":\"" + title + "\",\"prompt\":\"Fix the typo\",\"justDoIt\":true}")
                    .expect(201);
            JsonObject waiting = await(admin, subscription, d -> d.getString("payload").contains(title)
                    && d.getString("status").equals("PENDING") && !d.getJsonArray("attemptLog").isEmpty());
            String messageId = waiting.getString("messageId");
            assertEquals(503, waiting.getJsonArray("attemptLog").getJsonObject(0).getInt("statusCode"));

            SERVER.kill();
            receiver.down(false);
            SERVER.start();

            JsonObject delivered = await(admin, subscription, d -> d.getString("messageId").equals(messageId)
                    && d.getString("status").equals("DELIVERED"));
            List<JsonObject> attempts = delivered.getJsonArray("attemptLog").getValuesAs(JsonObject.class);
            assertEquals(200, attempts.get(attempts.size() - 1).getInt("statusCode"), delivered::toString);
            assertTrue(receiver.received().stream().anyMatch(r -> messageId.equals(r.headers().get("webhook-id"))
                    && r.body().contains(title)), "the receiver got the message after the restart");
            admin.delete("/api/v1/webhooks/" + subscription).expect(204);
        }
    }

    private static JsonObject await(HelixClient admin, long subscription, Predicate<JsonObject> wanted) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonObject> found = admin.get("/api/v1/webhooks/" + subscription + "/deliveries?limit=500").expect(200)
                    .json().asJsonArray().getValuesAs(JsonObject.class).stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            HelixClient.sleep(250);
        }
        throw new AssertionError("no such delivery of subscription " + subscription + " within 3 minutes");
    }
}
