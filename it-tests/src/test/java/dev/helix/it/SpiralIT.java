package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Spirals on the real server: every step type in one run (a Jakarta Batch job execution that Liberty's batch
 * API shows COMPLETED), signed webhooks, exactly-once event triggers, retries with back-off, restart from the
 * failed step, stop, and validation that lists every problem.
 */
@ExtendWith(ArquillianExtension.class)
class SpiralIT {

    private static final HookReceiver RECEIVER = new HookReceiver();
    private static HelixClient operator;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @AfterAll
    static void closeReceiver() {
        RECEIVER.close();
    }

    @Test
    void aManualSpiralWithEveryStepTypeRunsToCompletedAsABatchJob() {
        String name = "every-step-" + System.nanoTime();
        JsonObject spiral = create("""
                {"name":"%s","trigger":{"type":"MANUAL"},"steps":[
                  {"id":"double","type":"SET_VARIABLE","name":"doubled","value":"input.n * 2"},
                  {"id":"big","type":"BRANCH","condition":"doubled > 5","then":"task","else":"end"},
                  {"id":"task","type":"CREATE_TASK","title":"Follow up ${doubled}","prompt":"Check the ${input.what}.","saveAs":"taskId"},
                  {"id":"skipped","type":"SET_VARIABLE","name":"never","value":"1","when":"false"},
                  {"id":"tell","type":"SEND_MESSAGE","to":"architect","text":"Task ${taskId} needs a design"},
                  {"id":"notify","type":"NOTIFY","users":["it-spiral-operator"],"message":"%s made task ${taskId}"},
                  {"id":"pause","type":"WAIT","millis":100},
                  {"id":"call","type":"HTTP_CALL","method":"POST","url":"%s","headers":{"X-Test":"${upper(input.what)}"},
                   "body":"{\\"task\\":${taskId}}","sign":true,"saveAs":"answer"},
                  {"id":"after","type":"SET_VARIABLE","name":"accepted","value":"answer.body.accepted && answer.status == 200"}
                ]}""".formatted(name, name, RECEIVER.url("/every-step")));
        long id = id(spiral);
        String secret = spiral.getString("secret");

        JsonObject started = operator().post("/api/v1/spirals/" + id + "/runs", "{\"n\":4,\"what\":\"cache\"}").expect(202).object();
        assertEquals("QUEUED", started.getString("status"));
        JsonObject run = awaitRun(id, id(started), r -> r.getString("status").equals("COMPLETED"));

        List<String> statuses = run.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("id") + ":" + s.getString("status")).toList();
        assertEquals(List.of("double:COMPLETED", "big:COMPLETED", "task:COMPLETED", "skipped:SKIPPED", "tell:COMPLETED",
                "notify:COMPLETED", "pause:COMPLETED", "call:COMPLETED", "after:COMPLETED"), statuses, run::toString);
        JsonObject variables = run.getJsonObject("variables");
        assertEquals(8, variables.getJsonNumber("doubled").intValue());
        assertEquals(true, variables.getBoolean("accepted"));
        assertEquals(1, run.getInt("spiralVersion"));

        long taskId = variables.getJsonNumber("taskId").longValue();
        assertEquals("Follow up 8", operator().get("/api/v1/tasks/" + taskId).expect(200).object().getString("title"));
        assertTrue(operator().get("/api/v1/agents/profiles/architect/inbox").expect(200).json().asJsonArray()
                .getValuesAs(JsonObject.class).stream().anyMatch(m -> m.getString("body").equals("Task " + taskId + " needs a design")));
        assertTrue(operator().get("/api/v1/me/notifications").expect(200).json().asJsonArray().getValuesAs(JsonObject.class)
                .stream().anyMatch(n -> n.getString("message").equals(name + " made task " + taskId)));
        HookReceiver.Received call = RECEIVER.received().stream().filter(r -> r.body().equals("{\"task\":" + taskId + "}"))
                .findFirst().orElseThrow(() -> new AssertionError("the HTTP_CALL step did not arrive"));
        assertEquals("CACHE", call.header());
        assertEquals(sign(secret, call.body()), call.signature(), "the outbound call is signed with the spiral's secret");

        long execution = run.getJsonNumber("batchExecutionId").longValue();
        JsonObject batch = HelixClient.admin().overHttps().get("/ibm/api/batch/jobexecutions/" + execution).expect(200).object();
        assertEquals("COMPLETED", batch.getString("batchStatus"), batch::toString);
        assertEquals("spiral-run", batch.getString("jobName"), batch::toString);
    }

    @Test
    void invalidDefinitionsAreRefusedWithEveryProblemListed() {
        JsonObject problem = operator().post("/api/v1/spirals", """
                {"name":"broken","trigger":{"type":"CRON","cron":"61 * * * *"},"steps":[
                  {"id":"a","type":"TELEPORT"},
                  {"id":"b","type":"SET_VARIABLE","name":"x","value":"missing + 1"},
                  {"id":"c","type":"BRANCH","condition":"x > 1","then":"b"},
                  {"id":"d","type":"WAIT"}
                ]}""").problem(422);
        List<String> fields = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field") + " " + e.getString("message")).toList();
        assertTrue(fields.stream().anyMatch(f -> f.startsWith("$.trigger.cron") && f.contains("minute")), fields::toString);
        assertTrue(fields.stream().anyMatch(f -> f.startsWith("$.steps[0].type") && f.contains("TELEPORT")), fields::toString);
        assertTrue(fields.stream().anyMatch(f -> f.startsWith("$.steps[3].millis")), fields::toString);
        String all = operator().post("/api/v1/spirals", """
                {"name":"cyclic","trigger":{"type":"MANUAL"},"steps":[
                  {"id":"b","type":"SET_VARIABLE","name":"x","value":"missing + 1"},
                  {"id":"c","type":"BRANCH","condition":"x > 1","then":"b"}
                ]}""").problem(422).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("message")).collect(Collectors.joining(" | "));
        assertTrue(all.contains("cycle"), all);
        assertTrue(all.contains("'missing'"), all);
        operator().post("/api/v1/spirals", "not json").problem(422);
        operator().get("/api/v1/spirals").expect(200);
    }

    @Test
    void aWebhookWithAGoodSignatureStartsARunAndABadOneGets401AndStartsNothing() {
        JsonObject spiral = create("""
                {"name":"hook-%d","trigger":{"type":"WEBHOOK"},"steps":[
                  {"type":"SET_VARIABLE","name":"order","value":"input.order"}]}""".formatted(System.nanoTime()));
        long id = id(spiral);
        String body = "{\"order\":\"A-17\"}";

        HelixClient anonymous = HelixClient.anonymous();
        anonymous.postSigned("/api/v1/hooks/" + id, body, "sha256=" + "0".repeat(64)).problem(401);
        anonymous.postSigned("/api/v1/hooks/" + id, body, null).problem(401);
        anonymous.postSigned("/api/v1/hooks/" + id, body, sign("not-the-secret", body)).problem(401);
        assertEquals(0, operator().get("/api/v1/spirals/" + id + "/runs").expect(200).json().asJsonArray().size(),
                "a refused webhook starts nothing");

        String big = "{\"order\":\"" + "x".repeat(64 * 1024) + "\"}";
        anonymous.postSigned("/api/v1/hooks/" + id, big, sign(spiral.getString("secret"), big)).problem(413);
        anonymous.postSigned("/api/v1/hooks/" + id, body, sign(spiral.getString("secret"), body), "d".repeat(129)).problem(400);
        assertEquals(0, operator().get("/api/v1/spirals/" + id + "/runs").expect(200).json().asJsonArray().size(),
                "an oversized body or delivery id starts nothing");

        JsonObject started = anonymous.postSigned("/api/v1/hooks/" + id, body, sign(spiral.getString("secret"), body)).expect(202).object();
        JsonObject run = awaitRun(id, id(started), r -> r.getString("status").equals("COMPLETED"));
        assertEquals("A-17", run.getJsonObject("variables").getString("order"));
        assertEquals("WEBHOOK", run.getString("trigger"));

        // Two copies of one delivery arriving together start one run, and both are answered with it.
        String signature = sign(spiral.getString("secret"), body);
        List<CompletableFuture<JsonObject>> copies = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() ->
                        anonymous.postSigned("/api/v1/hooks/" + id, body, signature, "delivery-" + id).expect(202).object()))
                .toList();
        assertEquals(1, copies.stream().map(c -> id(c.join())).distinct().count(), "one run for one delivery");

        String rotated = operator().postEmpty("/api/v1/spirals/" + id + "/secret").expect(200).object().getString("secret");
        assertNotEquals(spiral.getString("secret"), rotated);
        anonymous.postSigned("/api/v1/hooks/" + id, body, sign(spiral.getString("secret"), body)).problem(401);
    }

    @Test
    void anEventTriggeredSpiralFiresExactlyOnceWhenATaskReachesDone() {
        long id = id(create("""
                {"name":"on-done-%d","trigger":{"type":"EVENT","event":"TASK_STATUS_CHANGED","filter":{"status":"DONE"}},
                 "steps":[{"type":"SET_VARIABLE","name":"doneTask","value":"input.taskId"}]}""".formatted(System.nanoTime())));
        long task = operator().post("/api/v1/tasks", "{\"title\":\"Event trigger\",\"prompt\":\"Add a flag.\",\"justDoIt\":true}")
                .expect(201).object().getJsonNumber("id").longValue();
        operator().awaitTask(task, t -> t.getString("status").equals("IMPLEMENTATION_REVIEW"), Duration.ofSeconds(90));
        assertTrue(runsFor(id, task).isEmpty(), "no run before the task is DONE");
        operator().post("/api/v1/tasks/" + task + "/approvals", "{\"gate\":\"IMPLEMENTATION\",\"decision\":\"APPROVE\"}").expect(200);

        Instant deadline = Instant.now().plusSeconds(60);
        while (runsFor(id, task).stream().noneMatch(r -> r.getString("status").equals("COMPLETED"))) {
            if (Instant.now().isAfter(deadline)) {
                fail("no completed run for task " + task + " within a minute: " + runsFor(id, task));
            }
            HelixClient.sleep(200);
        }
        HelixClient.sleep(2000);
        List<JsonObject> runs = runsFor(id, task);
        assertEquals(1, runs.size(), () -> "exactly one run for the task reaching DONE: " + runs);
        assertEquals("COMPLETED", runs.get(0).getString("status"));
        assertEquals("EVENT", runs.get(0).getString("trigger"));
    }

    @Test
    void aStepFailingTwiceThenSucceedingIsRetriedPerItsPolicy() {
        long id = id(create("""
                {"name":"retry-%d","trigger":{"type":"MANUAL"},"steps":[
                  {"id":"flaky","type":"HTTP_CALL","method":"POST","url":"%s","body":"retry",
                   "retry":{"maxAttempts":3,"backoffMillis":100,"maxBackoffMillis":1000,"jitter":0.5}}]}"""
                .formatted(System.nanoTime(), RECEIVER.url("/flaky"))));
        RECEIVER.failNext(2);
        JsonObject run = awaitRun(id, id(operator().post("/api/v1/spirals/" + id + "/runs", "").expect(202).object()),
                r -> r.getString("status").equals("COMPLETED") || r.getString("status").equals("FAILED"));
        assertEquals("COMPLETED", run.getString("status"), run::toString);
        JsonObject step = run.getJsonArray("steps").getJsonObject(0);
        assertEquals(3, step.getInt("attempts"), step::toString);
        assertTrue(step.getString("log").contains("attempt 1 failed") && step.getString("log").contains("attempt 2 failed")
                && step.getString("log").contains("retrying in"), step.getString("log"));
    }

    @Test
    void aFailedRunRestartsFromTheFailedStepAsANewExecutionOfTheSameJob() {
        String path = "/down-" + System.nanoTime();
        long id = id(create("""
                {"name":"restart-%d","trigger":{"type":"MANUAL"},"steps":[
                  {"id":"first","type":"CREATE_TASK","title":"Made once","saveAs":"taskId"},
                  {"id":"call","type":"HTTP_CALL","method":"GET","url":"%s"},
                  {"id":"last","type":"SET_VARIABLE","name":"finished","value":"true"}]}"""
                .formatted(System.nanoTime(), RECEIVER.url(path))));
        RECEIVER.down(true);
        JsonObject failed;
        try {
            failed = awaitRun(id, id(operator().post("/api/v1/spirals/" + id + "/runs", "").expect(202).object()),
                    r -> r.getString("status").equals("FAILED"));
        } finally {
            RECEIVER.down(false);
        }
        long runId = id(failed);
        assertTrue(failed.getString("error").contains("call"), failed::toString);
        operator().post("/api/v1/spirals/" + id + "/runs/" + runId + "/stop", "").problem(409);
        operator().postEmpty("/api/v1/spirals/" + id + "/runs/" + runId + "/stop").problem(409);

        operator().post("/api/v1/spirals/" + id + "/runs/" + runId + "/restart", "").expect(202);
        JsonObject completed = awaitRun(id, runId, r -> r.getString("status").equals("COMPLETED"));
        List<JsonObject> steps = completed.getJsonArray("steps").getValuesAs(JsonObject.class);
        assertEquals(1, steps.get(0).getInt("attempts"), "the completed first step was not repeated: one task made");
        assertEquals(2, steps.get(1).getInt("attempts"), "the failed step ran again");
        assertEquals("COMPLETED", steps.get(2).getString("status"));
        assertEquals(failed.getJsonNumber("batchInstanceId"), completed.getJsonNumber("batchInstanceId"), "same job instance");
        assertNotEquals(failed.getJsonNumber("batchExecutionId"), completed.getJsonNumber("batchExecutionId"), "a new execution");
        operator().post("/api/v1/spirals/" + id + "/runs/" + runId + "/restart", "").problem(409);
        operator().postEmpty("/api/v1/spirals/" + id + "/runs/" + runId + "/restart").problem(409);
    }

    @Test
    void aRunningSpiralCanBeStoppedAndEditingMakesANewVersion() {
        long id = id(create("""
                {"name":"stoppable-%d","trigger":{"type":"MANUAL"},"steps":[{"id":"long","type":"WAIT","millis":60000}]}"""
                .formatted(System.nanoTime())));
        long runId = id(operator().post("/api/v1/spirals/" + id + "/runs", "").expect(202).object());
        awaitRun(id, runId, r -> r.getString("status").equals("RUNNING"));
        operator().post("/api/v1/spirals/" + id + "/runs/" + runId + "/stop", "").expect(202);
        JsonObject stopped = awaitRun(id, runId, r -> r.getString("status").equals("STOPPED"));
        assertTrue(stopped.getString("error").contains("long"), stopped::toString);

        JsonObject edited = operator().put("/api/v1/spirals/" + id, """
                {"name":"stoppable-v2","trigger":{"type":"MANUAL"},"steps":[{"type":"WAIT","millis":1}]}""").expect(200).object();
        assertEquals(2, edited.getInt("currentVersion"));
        assertEquals(2, operator().get("/api/v1/spirals/" + id + "/versions").expect(200).json().asJsonArray().size());
        JsonObject second = awaitRun(id, id(operator().post("/api/v1/spirals/" + id + "/runs", "").expect(202).object()),
                r -> r.getString("status").equals("COMPLETED"));
        assertEquals(2, second.getInt("spiralVersion"));
        JsonObject bodiless = awaitRun(id, id(operator().postEmpty("/api/v1/spirals/" + id + "/runs").expect(202).object()),
                r -> r.getString("status").equals("COMPLETED"));
        assertEquals("MANUAL", bodiless.getString("trigger"));
        operator().post("/api/v1/spirals/" + id + "/runs", "{\"big\":\"" + "x".repeat(64 * 1024) + "\"}").problem(413);
        operator().get("/api/v1/spirals/" + id + "/runs?limit=0").problem(422);
        operator().get("/api/v1/spirals/" + id + "/runs?limit=201").problem(422);
        assertEquals(3, operator().get("/api/v1/spirals/" + id + "/runs?limit=200").expect(200).json().asJsonArray().size());
        assertEquals(1, operator().get("/api/v1/spirals/" + id + "/runs/" + runId).expect(200).object().getInt("spiralVersion"));
        HelixClient.user("it-spiral-viewer", "viewer").post("/api/v1/spirals/" + id + "/runs", "").problem(403);
    }

    /** The operator the tests act as, created once the server is up. */
    private static synchronized HelixClient operator() {
        if (operator == null) {
            operator = HelixClient.user("it-spiral-operator", "operator");
        }
        return operator;
    }

    private static JsonObject create(String definition) {
        return operator().post("/api/v1/spirals", definition).expect(201).object();
    }

    private static JsonObject awaitRun(long spiral, long run, Predicate<JsonObject> condition) {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            last = operator().get("/api/v1/spirals/" + spiral + "/runs/" + run).expect(200).object();
            if (condition.test(last)) {
                return last;
            }
            HelixClient.sleep(100);
        }
        throw new AssertionError("run " + run + " did not get there within a minute; last: " + last);
    }

    private static List<JsonObject> runsFor(long spiral, long task) {
        return operator().get("/api/v1/spirals/" + spiral + "/runs").expect(200).json().asJsonArray().getValuesAs(JsonObject.class)
                .stream().filter(r -> String.valueOf(task).equals(r.getJsonObject("variables").getJsonObject("input").getString("taskId", "")))
                .toList();
    }

    private static long id(JsonObject json) {
        return json.getJsonNumber("id").longValue();
    }

    private static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
