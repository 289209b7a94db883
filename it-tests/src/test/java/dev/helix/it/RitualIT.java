package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rituals on the real server: Z-88 runs its four phases as a checkpointed batch job, progress shows while a
 * ritual runs, a dry run changes nothing, schedules become timers with a next fire time, and custom rituals are
 * composed from the registered stages. (The IT server counts agents as stale after 3 s and paces steps by 20 ms.)
 */
@ExtendWith(ArquillianExtension.class)
class RitualIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void z88With27StepsCompletesWithItsFourPhasesRecorded() {
        HelixClient admin = HelixClient.admin();
        JsonObject queued = admin.post("/api/v1/rituals/z-88/runs", "{\"steps\":27}").expect(202).object();
        assertEquals(27, queued.getInt("steps"));
        JsonObject run = awaitRun(admin, "z-88", id(queued), r -> !r.getString("status").matches("QUEUED|STARTING|RUNNING"));

        assertEquals("COMPLETED", run.getString("status"), run::toString);
        assertEquals(27, run.getInt("step"));
        assertEquals(100, run.getInt("percent"));
        List<String> phases = new ArrayList<>();
        for (JsonObject stage : run.getJsonArray("stages").getValuesAs(JsonObject.class)) {
            phases.add(stage.getString("stage") + " " + stage.getInt("stepsDone") + "/" + stage.getInt("steps") + " " + stage.getString("status"));
        }
        assertEquals(List.of("z88-invocation 3/3 COMPLETED", "z88-roll-call 12/12 COMPLETED", "z88-state-shift 9/9 COMPLETED",
                "z88-seal 3/3 COMPLETED"), phases);
        assertTrue(run.getString("summary").startsWith("sealed {"), run::toString);
        assertTrue(run.getString("summary").contains("\"healthIndex\""), run::toString);
        assertTrue(run.getString("summary").matches("(?s).*\"ucf\":\\{\"harmony\":[0-9.]+,\"resilience\":[0-9.]+,\"prana\":[0-9.]+,"
                + "\"drishti\":[0-9.]+,\"klesha\":[0-9.]+,\"zoom\":[0-9.]+}.*"), run::toString);
        JsonObject batch = admin.overHttps().get("/ibm/api/batch/jobexecutions/" + run.getJsonNumber("batchExecutionId")).expect(200).object();
        assertEquals("COMPLETED", batch.getString("batchStatus"), batch::toString);
        assertEquals("ritual-run", batch.getString("jobName"));
        assertTrue(admin.get("/api/v1/admin/audit?action=ritual.z88.seal").expect(200).body().contains("/runs/" + id(run) + "\""),
                "the seal is in the audit trail");
    }

    @Test
    void aRunningRitualShowsItsProgressAndOddStepCountsAreRefused() {
        HelixClient admin = HelixClient.admin();
        admin.post("/api/v1/rituals/z-88/runs", "{\"steps\":30}").problem(422);
        admin.post("/api/v1/rituals/metrics-rollup/runs", "{\"steps\":27}").problem(422);
        long runId = id(admin.post("/api/v1/rituals/z-88/runs", "{\"steps\":108}").expect(202).object());
        JsonObject midway = awaitRun(admin, "z-88", runId,
                r -> r.getString("status").equals("RUNNING") && r.getInt("percent") > 0 && r.getInt("percent") < 100);
        assertTrue(midway.getInt("percent") < 100, midway::toString);
        assertNotNull(midway.getString("stage", null), midway::toString);
        assertEquals(108, midway.getInt("steps"));
        JsonObject done = awaitRun(admin, "z-88", runId, r -> r.getString("status").equals("COMPLETED"));
        assertEquals(108, done.getInt("step"));
        JsonObject ritual = admin.get("/api/v1/rituals/z-88").expect(200).object();
        assertTrue(ritual.getJsonObject("analytics").getInt("completed") >= 1, ritual::toString);
        assertTrue(ritual.getJsonObject("analytics").getJsonArray("recentOutcomes").contains(jakarta.json.Json.createValue("COMPLETED")));
    }

    @Test
    void aDryRunOfTheStaleAgentCleanUpReportsButChangesNothing() {
        HelixClient admin = HelixClient.admin();
        String name = "it-stale-" + System.nanoTime();
        long agent = id(admin.post("/api/v1/agents", "{\"role\":\"reviewer\",\"name\":\"" + name + "\"}").expect(201).object());
        HelixClient.sleep(3500);

        JsonObject run = awaitRun(admin, "stale-agent-cleanup",
                id(admin.post("/api/v1/rituals/stale-agent-cleanup/runs", "{\"dryRun\":true}").expect(202).object()),
                r -> r.getString("status").equals("COMPLETED"));
        assertTrue(run.getBoolean("dryRun"));
        assertTrue(run.getString("summary").startsWith("dry run: would stop"), run::toString);
        assertTrue(run.getString("summary").contains(name), run::toString);
        assertEquals("IDLE", admin.get("/api/v1/agents/" + agent).expect(200).object().getString("status"),
                "the dry run left the stale agent as it was");
    }

    @Test
    void schedulesBecomeTimersAndCustomRitualsAreComposedFromStages() {
        HelixClient admin = HelixClient.admin();
        try {
            JsonObject scheduled = admin.put("/api/v1/rituals/metrics-rollup", "{\"cron\":\"*/5 * * * *\",\"enabled\":true}")
                    .expect(200).object();
            Instant next = Instant.parse(scheduled.getString("nextFire"));
            assertTrue(next.isAfter(Instant.now()) && next.getEpochSecond() % 300 == 0, scheduled::toString);
            JsonObject disabled = admin.put("/api/v1/rituals/metrics-rollup", "{\"enabled\":false}").expect(200).object();
            assertTrue(!disabled.containsKey("nextFire") || disabled.isNull("nextFire"), disabled::toString);
            admin.put("/api/v1/rituals/metrics-rollup", "{\"cron\":\"99 * * * *\"}").problem(422);
        } finally {
            // As V9 seeds it: hourly, enabled.
            admin.put("/api/v1/rituals/metrics-rollup", "{\"cron\":\"0 * * * *\",\"enabled\":true}").expect(200);
        }
        admin.put("/api/v1/rituals/z-88", "{\"stages\":[\"metrics-rollup\"]}").problem(409);

        String custom = "it-custom-" + System.nanoTime();
        admin.put("/api/v1/rituals/" + custom, "{\"stages\":[\"metrics-rollup\",\"no-such-stage\"]}").problem(422);
        JsonObject composed = admin.put("/api/v1/rituals/" + custom,
                "{\"description\":\"Roll up, then look for stale agents\",\"stages\":[\"metrics-rollup\",\"stale-agents\"]}").expect(200).object();
        assertEquals(List.of("metrics-rollup", "stale-agents"), composed.getJsonArray("stages").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        JsonObject run = awaitRun(admin, custom, id(admin.post("/api/v1/rituals/" + custom + "/runs", "{\"dryRun\":true}").expect(202).object()),
                r -> r.getString("status").equals("COMPLETED"));
        assertEquals(2, run.getJsonArray("stages").size());
        assertTrue(admin.get("/api/v1/rituals").expect(200).body().contains(custom));
        HelixClient.user("it-ritual-viewer", "viewer").post("/api/v1/rituals/z-88/runs", "{}").problem(403);
    }

    @Test
    void anEnabledScheduleStartsARunWhenItsTimerFires() {
        HelixClient admin = HelixClient.admin();
        String every = "it-every-minute-" + System.nanoTime();
        admin.put("/api/v1/rituals/" + every, "{\"description\":\"Rolls up every minute\",\"stages\":[\"metrics-rollup\"],"
                + "\"cron\":\"* * * * *\",\"enabled\":true}").expect(200);
        try {
            Instant deadline = Instant.now().plusSeconds(80);
            List<JsonObject> scheduled = List.of();
            while (scheduled.isEmpty()) {
                assertTrue(Instant.now().isBefore(deadline), "no scheduled run of " + every + " within 80 s");
                HelixClient.sleep(1000);
                scheduled = admin.get("/api/v1/rituals/" + every + "/runs").expect(200).json().asJsonArray()
                        .getValuesAs(JsonObject.class).stream().filter(r -> r.getString("trigger").equals("SCHEDULE")).toList();
            }
            JsonObject run = awaitRun(admin, every, id(scheduled.get(0)), r -> r.getString("status").equals("COMPLETED"));
            assertEquals("schedule", run.getString("startedBy"), run::toString);
        } finally {
            admin.put("/api/v1/rituals/" + every, "{\"enabled\":false}").expect(200);
        }
    }

    @Test
    void aPostWithoutABodyRunsTheRitualForReal() {
        HelixClient admin = HelixClient.admin();
        JsonObject queued = admin.postEmpty("/api/v1/rituals/metrics-rollup/runs").expect(202).object();
        assertFalse(queued.getBoolean("dryRun"), queued::toString);
        JsonObject run = awaitRun(admin, "metrics-rollup", id(queued), r -> !r.getString("status").matches("QUEUED|STARTING|RUNNING"));
        assertEquals("COMPLETED", run.getString("status"), run::toString);
        admin.post("/api/v1/rituals/metrics-rollup/runs", "{\"dryRun\":\"maybe\"}").problem(400);
        admin.get("/api/v1/rituals/metrics-rollup/runs?limit=0").problem(422);
        admin.get("/api/v1/rituals/metrics-rollup/runs?limit=201").problem(422);
    }

    static JsonObject awaitRun(HelixClient client, String ritual, long run, Predicate<JsonObject> condition) {
        Instant deadline = Instant.now().plusSeconds(180);
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            last = client.get("/api/v1/rituals/" + ritual + "/runs/" + run).expect(200).object();
            if (condition.test(last)) {
                return last;
            }
            HelixClient.sleep(50);
        }
        throw new AssertionError("ritual run " + run + " did not get there in time; last: " + last);
    }

    static long id(JsonObject json) {
        return json.getJsonNumber("id").longValue();
    }
}
