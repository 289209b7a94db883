package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A ritual killed midway resumes from its checkpoint: Z-88 with 216 steps (paced at 0.1 s a step on this server)
 * is running when the server is killed (SIGKILL); after the restart Liberty marks the execution FAILED, Helix
 * restarts it, and the run completes with every step done exactly once. A memory stored before the kill is
 * searchable again once the index has reloaded from the database. Runs on {@code helix-crash}.
 */
class RitualRecoveryIT {

    private static final StandaloneServer SERVER = new StandaloneServer("helix-crash",
            System.getProperty("helix.it.crash.url", "http://localhost:39080"));

    @AfterAll
    static void stopServer() {
        SERVER.stop();
    }

    @Test
    void aRitualKilledMidwayResumesFromItsCheckpointAndMemoriesAreFoundAgainAfterARestart() {
        SERVER.start();
        HelixClient admin = HelixClient.admin().at(SERVER.baseUrl());
        String remembered = "Pinned the kernel of the survivor" + System.nanoTime() + " fleet before the restart";
        long memory = RitualIT.id(admin.post("/api/v1/memory", "{\"text\":\"" + remembered + "\",\"kind\":\"TASK_SUMMARY\"}")
                .expect(201).object());
        long runId = RitualIT.id(admin.post("/api/v1/rituals/z-88/runs", "{\"steps\":216}").expect(202).object());
        JsonObject before = RitualIT.awaitRun(admin, "z-88", runId, r -> r.getInt("step") >= 30);
        assertEquals("RUNNING", before.getString("status"), before::toString);

        SERVER.kill();
        SERVER.start();
        Instant restarted = Instant.now();

        JsonObject after = RitualIT.awaitRun(admin, "z-88", runId,
                r -> r.getString("status").equals("COMPLETED") || r.getString("status").equals("FAILED"));
        assertEquals("COMPLETED", after.getString("status"), after::toString);
        assertEquals(1, after.getInt("resumes"), after::toString);
        assertEquals(216, after.getInt("step"));
        assertNotEquals(before.getJsonNumber("batchExecutionId"), after.getJsonNumber("batchExecutionId"), "a new execution");
        assertEquals(before.getJsonNumber("batchInstanceId"), after.getJsonNumber("batchInstanceId"), "of the same job instance");
        for (JsonObject stage : after.getJsonArray("stages").getValuesAs(JsonObject.class)) {
            assertEquals(stage.getInt("steps"), stage.getInt("stepsDone"), stage::toString);
            long lines = stage.getString("result").lines().count();
            assertEquals(stage.getInt("steps"), lines, () -> "each step of " + stage.getString("stage") + " reported once: " + stage);
        }
        System.out.println("RitualRecoveryIT: killed at step " + before.getInt("step") + " of 216; resumed and completed "
                + java.time.Duration.between(restarted, Instant.now()).toSeconds() + " s after the restart");
        assertTrue(after.getString("summary").startsWith("sealed"), after::toString);

        JsonObject index = admin.get("/api/v1/memory/status").expect(200).object();
        assertEquals("READY", index.getString("state"), index::toString);
        assertTrue(index.getJsonNumber("total").longValue() >= 1, index::toString);
        JsonObject found = admin.post("/api/v1/memory/search", "{\"query\":\"" + remembered + "\",\"k\":1}").expect(200)
                .json().asJsonArray().getJsonObject(0);
        assertEquals(memory, found.getJsonNumber("id").longValue(), found::toString);
    }
}
