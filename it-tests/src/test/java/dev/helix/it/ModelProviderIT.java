package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Model providers on the real server: administrators register an OpenAI-compatible endpoint (a local fake that speaks
 * the protocol), test it and bind profiles to it; agents then write specs and work plans through it, with
 * LangChain4j's client running inside Liberty. Its faults are retried, a malformed answer is sent back, and a task
 * that cannot be helped fails with the reason. The API key never shows in an answer, the audit trail or the log.
 */
@ExtendWith(ArquillianExtension.class)
class ModelProviderIT {

    private static final String KEY = "sk-it-Pr0vider-K3y-never-shown";
    private static final String MODEL = "qwen2.5-coder";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    /** Makes this run's names its own, so a run against a database kept from an earlier one starts afresh. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static final String LOCAL = "it-local-" + RUN;
    private static final String LLM = "it-llm-" + RUN;
    private static final String FLAKY = "it-flaky-" + RUN;
    private static final String TWICE = "it-twice-" + RUN;
    private static final String OUTAGE = "it-outage-" + RUN;
    private static final String WRITER = "it-llm-writer-" + RUN;
    private static final String CODER = "it-coder-" + RUN;
    private static final String BUMPY = "it-bumpy-" + RUN;

    /** The spec of the demo's fix, and the edit that makes its test pass. */
    private static final FakeOpenAi.Reply GREET_SPEC = FakeOpenAi.Reply.text(FakeOpenAi.specJson(
            "R1: greet ends with an exclamation mark.", "Change the echo in lib/greet.sh.", "- [ ] Add the exclamation mark to greet"));
    private static final FakeOpenAi.Reply GREET_EDIT = FakeOpenAi.Reply.toolCall("edit_file",
            "{\"path\":\"lib/greet.sh\",\"old_text\":\"Hello, $1\\\"\",\"new_text\":\"Hello, $1!\\\"\"}");

    private final HelixClient admin = HelixClient.admin();
    private final ProviderBindings bindings = new ProviderBindings(admin);
    private FakeOpenAi fake;

    @BeforeEach
    void startTheFakeProvider() {
        fake = new FakeOpenAi(MODEL, "other-model");
    }

    @AfterEach
    void restoreProfilesAndStopTheFake() {
        bindings.restore();
        fake.close();
    }

    @Test
    void administratorsRegisterTestChangeAndRemoveAProviderWhoseKeyIsNeverShown() {
        HelixClient.Answer created = admin.post("/api/v1/admin/providers", registration(LOCAL, 3)).expect(201);
        JsonObject provider = created.object();
        assertTrue(created.location().endsWith("/api/v1/admin/providers/" + LOCAL), created.location());
        assertEquals("OPENAI_COMPATIBLE", provider.getString("type"));
        assertTrue(provider.getBoolean("apiKeySet"));
        assertEquals("CLOSED", provider.getString("circuit"));
        assertEquals("PT30S", provider.getString("requestTimeout"));
        assertFalse(provider.toString().contains(KEY), provider.toString());

        JsonObject first = admin.get("/api/v1/admin/providers").expect(200).json().asJsonArray().getJsonObject(0);
        assertEquals("offline", first.getString("name"));
        assertTrue(first.getBoolean("builtIn"));

        JsonObject check = admin.post("/api/v1/admin/providers/" + LOCAL + "/test", "").expect(200).object();
        assertTrue(check.getBoolean("reachable"), check.toString());
        assertEquals(Json.createArrayBuilder().add("other-model").add(MODEL).build(), check.getJsonArray("modelsListed"));
        assertEquals(0, check.getJsonArray("modelsMissing").size());

        JsonObject changed = admin.put("/api/v1/admin/providers/" + LOCAL, "{\"type\":\"OPENAI_COMPATIBLE\",\"baseUrl\":\""
                + fake.baseUrl() + "\",\"models\":[\"" + MODEL + "\",\"gone-model\"]}").expect(200).object();
        assertTrue(changed.getBoolean("apiKeySet"), "an absent apiKey keeps the stored one");
        assertEquals("PT2M", changed.getString("requestTimeout"));
        JsonObject missing = admin.post("/api/v1/admin/providers/" + LOCAL + "/test", "").expect(200).object();
        assertEquals("[\"gone-model\"]", missing.getJsonArray("modelsMissing").toString());
        assertTrue(fake.calls().isEmpty(), "a test lists the models; it chats with no model");

        String profile = "{\"role\":\"" + WRITER + "\",\"displayName\":\"Writer\",\"description\":\"Writes docs\","
                + "\"capabilities\":[\"docs.write\"],\"provider\":\"" + LOCAL + "\",\"model\":\"%s\"}";
        admin.post("/api/v1/agents/profiles", profile.formatted(MODEL)).expect(201);
        assertTrue(admin.put("/api/v1/agents/profiles/" + WRITER, profile.formatted("gpt-9")).problem(422)
                .getString("detail").contains("Model provider '" + LOCAL + "' offers no model 'gpt-9'"));
        assertTrue(admin.delete("/api/v1/admin/providers/" + LOCAL).problem(409).getString("detail")
                .contains("still bound to an agent profile"));
        admin.put("/api/v1/agents/profiles/" + WRITER, profile.formatted("helix-offline-1").replace(LOCAL, "offline"))
                .expect(200);
        admin.delete("/api/v1/admin/providers/" + LOCAL).expect(204);
        admin.get("/api/v1/admin/providers/" + LOCAL).problem(404);
    }

    @Test
    void badRegistrationsAreRefusedWithTheReasonAndTheBuiltInProviderStaysAsItIs() {
        assertProblem(422, "baseUrl must be an http or https URL", registration("it-bad", 3).replace(fake.baseUrl(), "ftp://host/v1"));
        assertProblem(422, "type must be one of", registration("it-bad", 3).replace("OPENAI_COMPATIBLE", "GOPHER"));
        assertProblem(422, "only the built-in provider 'offline' is OFFLINE", registration("it-bad", 3).replace("OPENAI_COMPATIBLE", "OFFLINE"));
        assertProblem(422, "models must list the 1 to 50 models", registration("it-bad", 3).replace("[\"" + MODEL + "\"]", "[]"));
        assertProblem(422, "requestTimeout must be an ISO-8601 duration", registration("it-bad", 3).replace("PT30S", "half a minute"));
        assertProblem(422, "maxRetries must be between 0 and 10", registration("it-bad", 11));
        assertProblem(422, "name must be 1 to 64 lower-case", registration("It Bad", 3));
        admin.post("/api/v1/admin/providers", registration(TWICE, 3)).expect(201);
        assertProblem(409, "already registered", registration(TWICE, 3));
        admin.delete("/api/v1/admin/providers/" + TWICE).expect(204);
        assertTrue(admin.put("/api/v1/admin/providers/offline", registration("offline", 3)).problem(409).getString("detail")
                .contains("built-in model provider 'offline' cannot be changed or removed"));
        admin.delete("/api/v1/admin/providers/offline").problem(409);
        HelixClient.user("dana-dev", "developer").get("/api/v1/admin/providers").problem(403);
    }

    @Test
    void agentsBoundToTheProviderWriteTheSpecAndWorkThePlanThroughItHonouringItsLimits() {
        admin.post("/api/v1/admin/providers", registration(LLM, 2)).expect(201);
        bindWorkingRolesTo(LLM);
        fake.script(FakeOpenAi.Reply.rateLimited(1), FakeOpenAi.Reply.text("Sure! I will write the spec now."));

        long id = admin.post("/api/v1/tasks", "{\"title\":\"Calculator\",\"prompt\":\"Add two numbers.\"}").expect(201)
                .object().getJsonNumber("id").longValue();
        JsonObject review = admin.awaitStatus(id, "SPEC_REVIEW");
        assertEquals(FakeOpenAi.REQUIREMENTS + "\n", review.getString("requirements"));
        assertEquals(FakeOpenAi.PLAN + "\n", review.getString("plan"));

        List<FakeOpenAi.Call> calls = fake.calls();
        assertEquals(3, calls.size(), "rate-limited, then a malformed answer, then the spec");
        calls.forEach(call -> {
            assertEquals("Bearer " + KEY, call.authorization());
            assertEquals(MODEL, call.model());
            assertTrue(call.asksForJson(), call.body().toString());
        });
        assertTrue(Duration.between(calls.get(0).at(), calls.get(1).at()).toMillis() >= 750,
                "the retry waited for Retry-After (1 s, less at most 25 % jitter)");
        assertTrue(calls.get(0).conversation().contains("Add two numbers."), calls.get(0).conversation());
        assertTrue(calls.get(2).conversation().contains("That answer cannot be used: it is not JSON"), calls.get(2).conversation());

        admin.post("/api/v1/tasks/" + id + "/approvals", "{\"gate\":\"SPEC\",\"decision\":\"APPROVE\"}").expect(200);
        JsonObject implemented = admin.awaitStatus(id, "IMPLEMENTATION_REVIEW");
        assertEquals(2, implemented.getInt("done"));
        List<FakeOpenAi.Call> work = fake.calls().subList(3, fake.calls().size());
        assertEquals(2, work.size(), "one call per checklist item");
        assertTrue(work.get(0).conversation().contains("Checklist item: Write Calculator.add"), work.get(0).conversation());
        assertFalse(work.get(0).asksForJson());
        JsonObject agent = admin.get("/api/v1/agents/" + implemented.getJsonNumber("agentId").longValue()).expect(200).object();
        assertTrue(agent.getJsonNumber("tokensUsed").longValue() >= 300, "each item's call counted 150 tokens: " + agent);

        admin.post("/api/v1/tasks/" + id + "/approvals", "{\"gate\":\"IMPLEMENTATION\",\"decision\":\"APPROVE\"}").expect(200);
        admin.awaitStatus(id, "DONE");
        assertKeyNeverShown();
    }

    @Test
    void anAgentFixesTheDemosFailingTestWithToolsInItsWorktreeAndApprovalMergesItsCommit() throws IOException {
        admin.post("/api/v1/admin/providers", registration(CODER, 1)).expect(201);
        bindWorkingRolesTo(CODER);
        JsonObject project = admin.cloneOfTheDemo("Greeter " + RUN);
        Path checkout = Path.of(project.getString("repository"));
        fake.script(GREET_SPEC,
                FakeOpenAi.Reply.toolCall("read_file", "{\"path\":\"lib/greet.sh\"}"),
                GREET_EDIT,
                FakeOpenAi.Reply.toolCall("run_command", "{}"),
                FakeOpenAi.Reply.toolCall("read_file", "{\"path\": lib/greet.sh"),
                FakeOpenAi.Reply.text("Added the exclamation mark; the test passes."));

        long id = greetingTask("Excited greeting", project);
        JsonObject review = admin.awaitStatus(id, "IMPLEMENTATION_REVIEW");
        assertTrue(review.getJsonNumber("tokensUsed").longValue() >= 150 + 5 * 120, review.toString());

        List<FakeOpenAi.Call> work = fake.calls().subList(1, fake.calls().size());
        assertEquals(5, work.size(), "four tool-calling answers, then the summary");
        assertTrue(work.get(0).tools().containsAll(List.of("read_file", "edit_file", "run_command", "git_diff")), work.get(0).tools().toString());
        String last = work.get(4).conversation();
        assertTrue(last.contains("exit 0 after"), "the test ran in the sandbox and passed: " + last);
        assertTrue(last.contains("ok   greets by name"), last);
        assertTrue(last.contains("error: the arguments are not valid JSON"), "a malformed call is answered, not fatal: " + last);

        JsonObject changes = admin.get("/api/v1/tasks/" + id + "/changes").expect(200).object();
        assertEquals("helix/task-" + id, changes.getString("branch"));
        assertEquals(1, changes.getJsonArray("files").size(), changes.toString());
        JsonObject file = changes.getJsonArray("files").getJsonObject(0);
        assertEquals(List.of("lib/greet.sh", "MODIFY", 1, 1), List.of(file.getString("path"), file.getString("status"),
                file.getInt("additions"), file.getInt("deletions")));
        assertTrue(changes.getString("diff").contains("+    echo \"Hello, $1!\""), changes.getString("diff"));
        List<JsonObject> activity = admin.get("/api/v1/tasks/" + id + "/activity").expect(200).json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).toList();
        assertEquals(List.of("read_file", "edit_file", "run_command", "read_file"), activity.stream().map(a -> a.getString("tool")).toList());
        assertEquals(List.of(true, true, true, false), activity.stream().map(a -> a.getBoolean("succeeded")).toList());
        assertEquals("Add the exclamation mark to greet", activity.get(2).getString("item"));
        assertTrue(Files.readString(checkout.resolve("lib/greet.sh")).contains("Hello, $1\""), "nothing merged before approval");
        assertTheTranscriptHoldsEveryCall(id);
        assertAReplayReachesTheSameDocumentsAndChangesWithoutTheModel(id, review, changes);

        admin.post("/api/v1/tasks/" + id + "/approvals", "{\"gate\":\"IMPLEMENTATION\",\"decision\":\"APPROVE\"}").expect(200);
        admin.awaitStatus(id, "DONE");
        assertTrue(Files.readString(checkout.resolve("lib/greet.sh")).contains("Hello, $1!\""), "approval merged the fix");
        assertTrue(admin.get("/api/v1/tasks/" + id + "/approvals").expect(200).json().asJsonArray().getJsonObject(1)
                .getString("comment").contains("merged into main as "));
        assertKeyNeverShown();
    }

    @Test
    void faultsInTheMiddleOfAToolLoopAreRetriedAndTheWorkGoesOnWhereItWas() {
        admin.post("/api/v1/admin/providers", ProviderBindings.registration(fake, BUMPY, KEY, MODEL, 2, "PT2S")).expect(201);
        bindWorkingRolesTo(BUMPY);
        JsonObject project = admin.cloneOfTheDemo("Bumpy " + RUN);
        fake.script(GREET_SPEC,
                FakeOpenAi.Reply.rateLimited(1),
                GREET_EDIT,
                FakeOpenAi.Reply.brokenStream("I will now run the tests and then report back."),
                FakeOpenAi.Reply.toolCall("run_command", "{}"),
                FakeOpenAi.Reply.error(500, "upstream hiccup"),
                FakeOpenAi.Reply.paced("These words take far too long to arrive one after the other.", Duration.ofMillis(700)),
                FakeOpenAi.Reply.text("Added the exclamation mark; the test passes."));

        long id = greetingTask("Bumpy greeting", project);
        JsonObject review = admin.awaitStatus(id, "IMPLEMENTATION_REVIEW");

        assertEquals(8, fake.calls().size(), "each fault was followed by one more try: " + fake.calls().size());
        Duration waited = Duration.between(fake.calls().get(1).at(), fake.calls().get(2).at());
        assertTrue(waited.compareTo(Duration.ofMillis(950)) >= 0, "the retry waited as Retry-After asked: " + waited);
        assertEquals(fake.calls().get(3).body().getJsonArray("messages"), fake.calls().get(4).body().getJsonArray("messages"),
                "the try after the broken stream asked the same, with the edit's result");
        assertTrue(fake.calls().get(4).conversation().contains("tool: "), fake.calls().get(4).conversation());
        assertTrue(admin.get("/api/v1/tasks/" + id + "/changes").expect(200).object().getString("diff")
                .contains("+    echo \"Hello, $1!\""));
        List<JsonObject> work = admin.get("/api/v1/tasks/" + id + "/transcript").expect(200).json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(e -> e.getString("step").equals("WORK_ITEM")).toList();
        assertEquals(3, work.size(), "three calls answered, each after its retries: " + work);
        assertTrue(work.stream().allMatch(e -> !e.containsKey("failure") && e.getBoolean("stepCompleted")), work.toString());
        assertEquals("Added the exclamation mark; the test passes.", work.get(2).getJsonObject("answer").getString("text"));
        assertFalse(review.containsKey("failureReason"), review.toString());
        assertEquals("CLOSED", admin.get("/api/v1/admin/providers/" + BUMPY).expect(200).object().getString("circuit"),
                "no more than two failures came in a row");
        assertKeyNeverShown();
    }

    @Test
    void aTaskTheProviderCannotServeFailsWithTheReasonAndTheModelsLastAnswer() {
        admin.post("/api/v1/admin/providers", registration(FLAKY, 0)).expect(201);
        bindWorkingRolesTo(FLAKY);

        fake.script(FakeOpenAi.Reply.text("no JSON here"), FakeOpenAi.Reply.text("still no JSON"),
                FakeOpenAi.Reply.text("{\"requirements\":\"r\",\"design\":\"d\",\"plan\":\"do it all\"}"));
        long rambling = admin.post("/api/v1/tasks", "{\"title\":\"Rambling\",\"prompt\":\"Add two numbers.\"}").expect(201)
                .object().getJsonNumber("id").longValue();
        JsonObject failed = admin.awaitStatus(rambling, "SPEC_FAILED");
        String reason = failed.getString("failureReason");
        assertTrue(reason.startsWith("Model provider '" + FLAKY + "' (model " + MODEL + ") gave no usable spec in 3 answers; the last "
                + "one: the plan has no \"- [ ] \" checklist line"), reason);
        assertTrue(reason.contains("The model's last answer:\n{\"requirements\":\"r\""), reason);
        assertEquals(3 * 150, failed.getJsonNumber("tokensUsed").longValue(), "the rejected answers' tokens count too");

        for (int i = 0; i < 40; i++) {
            fake.script(FakeOpenAi.Reply.error(500, "upstream exploded"));
        }
        long doomed = admin.post("/api/v1/tasks", "{\"title\":\"Doomed\",\"prompt\":\"Add two numbers.\"}").expect(201)
                .object().getJsonNumber("id").longValue();
        String gaveUp = admin.awaitTask(doomed, t -> t.getString("status").equals("SPEC_FAILED"), Duration.ofSeconds(60))
                .getString("failureReason");
        assertTrue(gaveUp.startsWith("Gave up after 5 failed attempts at the step: Model provider '" + FLAKY + "' could not write "
                + "the spec (1 attempt): it answered HTTP 500: {\"error\":{\"message\":\"upstream exploded\""), gaveUp);
        assertEquals("OPEN", admin.get("/api/v1/admin/providers/" + FLAKY).expect(200).object().getString("circuit"),
                "five failed calls in a row opened the circuit");
        assertTrue(admin.post("/api/v1/tasks/" + doomed + "/replay", "").problem(409).getString("detail")
                .contains("has no recorded model answers to replay"));
        List<JsonObject> failedCalls = admin.get("/api/v1/tasks/" + doomed + "/transcript").expect(200).json().asJsonArray()
                .stream().map(JsonValue::asJsonObject).toList();
        assertEquals(5, failedCalls.size(), "each failed call is in the transcript");
        assertTrue(failedCalls.stream().allMatch(e -> e.isNull("answer") && e.getString("failure").contains("HTTP 500")
                && !e.getBoolean("stepCompleted")), failedCalls.toString());
        assertKeyNeverShown();
    }

    @Test
    void whileTheProvidersCircuitIsOpenItsAgentShowsFailedAndTheTaskWaitsThenGoesOn() throws InterruptedException {
        admin.post("/api/v1/admin/providers", registration(OUTAGE, 4)).expect(201);
        bindWorkingRolesTo(OUTAGE);
        for (int i = 0; i < 5; i++) {
            fake.script(FakeOpenAi.Reply.error(503, "overloaded"));
        }
        long id = admin.post("/api/v1/tasks", "{\"title\":\"Patient\",\"prompt\":\"Add two numbers.\"}").expect(201)
                .object().getJsonNumber("id").longValue();

        JsonObject failedAgent = null;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); failedAgent == null && System.nanoTime() < deadline; ) {
            JsonObject task = admin.get("/api/v1/tasks/" + id).expect(200).object();
            if (task.containsKey("agentId") && !task.isNull("agentId")) {
                JsonObject agent = admin.get("/api/v1/agents/" + task.getJsonNumber("agentId").longValue()).expect(200).object();
                failedAgent = agent.getString("status").equals("FAILED") ? agent : null;
            }
            Thread.sleep(50);
        }
        assertTrue(failedAgent != null, "the agent never showed FAILED while the circuit was open");
        assertTrue(failedAgent.getString("statusReason").contains("Model provider '" + OUTAGE + "' is not being called: its circuit "
                + "is open after 5 failed calls in a row"), failedAgent.toString());
        assertEquals("SPEC_GENERATION", admin.get("/api/v1/tasks/" + id).expect(200).object().getString("status"),
                "the task waits for the provider");
        assertTrue(admin.post("/api/v1/tasks/" + id + "/replay", "").problem(409).getString("detail")
                .contains("is still being worked on (SPEC_GENERATION)"), "a run is replayed once its recording is whole");

        JsonObject review = admin.awaitStatus(id, "SPEC_REVIEW");
        assertEquals(FakeOpenAi.REQUIREMENTS + "\n", review.getString("requirements"));
        assertEquals(6, fake.calls().size(), "five failed calls, then none while the circuit was open, then the one that served");
        assertEquals("CLOSED", admin.get("/api/v1/admin/providers/" + OUTAGE).expect(200).object().getString("circuit"));
    }

    /** Every model call of the task, in order, with its step, what was sent and what came back, without the key. */
    private void assertTheTranscriptHoldsEveryCall(long id) {
        List<JsonObject> transcript = admin.get("/api/v1/tasks/" + id + "/transcript").expect(200).json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).toList();
        assertEquals(List.of("WRITE_SPEC", "WORK_ITEM", "WORK_ITEM", "WORK_ITEM", "WORK_ITEM", "WORK_ITEM"),
                transcript.stream().map(e -> e.getString("step")).toList());
        assertTrue(transcript.stream().allMatch(e -> e.getString("provider").equals(CODER) && e.getString("model").equals(MODEL)
                && e.getBoolean("stepCompleted")), transcript.toString());
        JsonObject spec = transcript.get(0);
        assertEquals("system", spec.getJsonObject("request").getJsonArray("messages").getJsonObject(0).getString("role"));
        assertTrue(spec.getJsonObject("answer").getString("text").contains("R1: greet ends with an exclamation mark."), spec.toString());
        assertEquals(150, spec.getJsonNumber("tokens").longValue());
        JsonObject read = transcript.get(1);
        assertEquals(List.of(1, 1), List.of(read.getInt("itemNumber"), read.getInt("round")));
        assertTrue(read.getJsonObject("request").getJsonArray("tools").toString().contains("\"edit_file\""), read.toString());
        assertEquals("read_file", read.getJsonObject("answer").getJsonArray("toolCalls").getJsonObject(0).getString("name"));
        JsonObject edit = transcript.get(2);
        assertEquals(2, edit.getInt("round"));
        JsonObject result = edit.getJsonObject("request").getJsonArray("messages").getJsonObject(0);
        assertEquals("tool", result.getString("role"), "the next request holds only the tool's result: " + edit);
        assertTrue(result.getString("content").contains("echo \"Hello, $1\""), result.toString());
        assertEquals("Added the exclamation mark; the test passes.", transcript.get(5).getJsonObject("answer").getString("text"));
        assertFalse(transcript.toString().contains(KEY), "the transcript shows the key");
        JsonObject usage = admin.get("/api/v1/analytics/tokens?user=admin").expect(200).json().asJsonArray().getJsonObject(0);
        assertEquals("admin", usage.getString("user"));
        assertTrue(usage.getJsonNumber("tokens").longValue() >= 150 + 5 * 120 && usage.getJsonNumber("calls").longValue() >= 6,
                usage.toString());
    }

    /**
     * A replay of the task answers each step with the recorded answers, running their tools for real, and reaches
     * the same documents and the same changes without asking the model anything.
     */
    private void assertAReplayReachesTheSameDocumentsAndChangesWithoutTheModel(long id, JsonObject original, JsonObject changes) {
        int modelCalls = fake.calls().size();
        JsonObject created = admin.post("/api/v1/tasks/" + id + "/replay", "").expect(201).object();
        long replay = created.getJsonNumber("id").longValue();
        assertEquals(id, created.getJsonNumber("replayOf").longValue());
        assertEquals(original.getString("title"), created.getString("title"));
        JsonObject spec = admin.awaitStatus(replay, "SPEC_REVIEW");
        assertEquals(original.getString("requirements"), spec.getString("requirements"));
        admin.post("/api/v1/tasks/" + replay + "/approvals", "{\"gate\":\"SPEC\",\"decision\":\"APPROVE\"}").expect(200);
        JsonObject replayed = admin.awaitStatus(replay, "IMPLEMENTATION_REVIEW");
        for (String document : List.of("requirements", "design", "plan")) {
            assertEquals(original.getString(document), replayed.getString(document), document);
        }
        JsonObject replayedChanges = admin.get("/api/v1/tasks/" + replay + "/changes").expect(200).object();
        assertEquals("helix/task-" + replay, replayedChanges.getString("branch"));
        assertEquals(changes.getString("base"), replayedChanges.getString("base"));
        assertEquals(changes.getJsonArray("files"), replayedChanges.getJsonArray("files"));
        assertEquals(changes.getString("diff"), replayedChanges.getString("diff"));
        assertEquals(modelCalls, fake.calls().size(), "the replay asked the model nothing");
        List<JsonObject> calls = admin.get("/api/v1/tasks/" + replay + "/activity").expect(200).json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).toList();
        assertEquals(List.of("read_file", "edit_file", "run_command", "read_file"), calls.stream().map(c -> c.getString("tool")).toList());
        assertTrue(admin.get("/api/v1/tasks/" + replay + "/transcript").expect(200).json().asJsonArray().stream()
                .allMatch(e -> e.asJsonObject().getString("provider").equals("replay")));
        admin.post("/api/v1/tasks/" + replay + "/cancel", "").expect(200);
    }

    /** A task in the project asking for the demo's failing test to pass, its spec approved once written. */
    private long greetingTask(String title, JsonObject project) {
        long id = admin.post("/api/v1/tasks", "{\"title\":\"" + title + "\",\"prompt\":\"Make the failing test pass.\","
                + "\"projectId\":" + project.getInt("id") + "}").expect(201).object().getJsonNumber("id").longValue();
        admin.awaitStatus(id, "SPEC_REVIEW");
        admin.post("/api/v1/tasks/" + id + "/approvals", "{\"gate\":\"SPEC\",\"decision\":\"APPROVE\"}").expect(200);
        return id;
    }

    private void bindWorkingRolesTo(String provider) {
        bindings.bindWorkingRolesTo(provider, MODEL);
    }

    private String registration(String name, int maxRetries) {
        return ProviderBindings.registration(fake, name, KEY, MODEL, maxRetries, "PT30S");
    }

    private void assertProblem(int status, String detail, String body) {
        JsonObject problem = admin.post("/api/v1/admin/providers", body).problem(status);
        assertTrue(problem.getString("detail").contains(detail), problem.toString());
    }

    /** Neither the audit trail nor any of the server's logs holds the key. */
    private void assertKeyNeverShown() {
        String audit = admin.get("/api/v1/admin/audit?limit=10000&format=csv").expect(200).body();
        assertTrue(audit.contains("provider.create"), "the registration was audited");
        assertFalse(audit.contains(KEY), "the audit trail shows the key");
        Path logs = Path.of("target/liberty/wlp/usr/servers/helix-it/logs");
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains(KEY), file + " shows the key");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
