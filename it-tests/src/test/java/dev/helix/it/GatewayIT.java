package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.FunctionDefinition;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.embeddings.EmbeddingCreateParams;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The model gateway on the real server, called by the official OpenAI Java SDK as any team's tool would call it:
 * the offline model answers out of the box (models, chat, streams, tools, embeddings); aliases route to local fakes
 * that speak the protocol, pass unknown fields on, cache identical answers, and fall back when a deployment fails
 * (500, 429 with Retry-After, a timeout, a malformed stream), with the circuit opening and closing again; a client
 * that goes away ends the provider's stream; and every call, the agents' own included, is metered once.
 */
@ExtendWith(ArquillianExtension.class)
class GatewayIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    /** Makes this run's names its own, so a run against a database kept from an earlier one starts afresh. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static final String MODEL = "fake-model";

    private final HelixClient admin = HelixClient.admin();
    private final Instant started = Instant.now().minusSeconds(1);
    private FakeOpenAi primary;
    private FakeOpenAi backup;

    @BeforeEach
    void startTheFakes() {
        primary = new FakeOpenAi(MODEL);
        backup = new FakeOpenAi(MODEL);
    }

    @AfterEach
    void stopTheFakes() {
        primary.close();
        backup.close();
    }

    @Test
    void anOpenAiClientIsAnsweredByTheOfflineModelAndEveryCallIsMetered() {
        Key key = keyOf("gw-dev-" + RUN, "developer", "");
        OpenAIClient openAi = client(key.secret());

        assertTrue(openAi.models().list().data().stream().anyMatch(m -> m.id().equals("offline")), "the built-in alias");

        ChatCompletion completion = openAi.chat().completions().create(ChatCompletionCreateParams.builder().model("offline")
                .addUserMessage("Hello gateway").build());
        assertTrue(completion.choices().get(0).message().content().orElseThrow().contains("You wrote: \"Hello gateway\""));
        assertTrue(completion.usage().orElseThrow().totalTokens() > 0);

        StringBuilder streamed = new StringBuilder();
        long[] usage = {0};
        try (StreamResponse<ChatCompletionChunk> stream = openAi.chat().completions().createStreaming(ChatCompletionCreateParams
                .builder().model("offline").addUserMessage("Stream this")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunk -> {
                chunk.choices().forEach(choice -> choice.delta().content().ifPresent(streamed::append));
                chunk.usage().ifPresent(u -> usage[0] = u.totalTokens());
            });
        }
        assertTrue(streamed.toString().contains("You wrote: \"Stream this\""), streamed.toString());
        assertTrue(usage[0] > 0, "the usage chunk the client asked for");

        ChatCompletion toolCall = openAi.chat().completions().create(ChatCompletionCreateParams.builder().model("offline")
                .addUserMessage("Look it up").addFunctionTool(FunctionDefinition.builder().name("lookup").build()).build());
        ChatCompletionMessageToolCall call = toolCall.choices().get(0).message().toolCalls().orElseThrow().get(0);
        assertEquals("lookup", call.asFunction().function().name());

        List<Float> vector = openAi.embeddings().create(EmbeddingCreateParams.builder().model("offline").input("memory text")
                .build()).data().get(0).embedding();
        assertEquals(384, vector.size());

        JsonObject metered = usage("key", key.prefix(), 4);
        assertEquals(4, metered.getInt("calls"), "chat, stream, tool call and embeddings; listing models costs nothing");
        assertEquals(0, metered.getInt("estimatedCalls"), "the offline model counts its tokens");
        assertTrue(metered.getJsonNumber("totalTokens").longValue() > 0);
    }

    @Test
    void refusalsComeInOpenAisErrorShape() {
        Key reader = keyOf("gw-scoped-" + RUN, "developer", ",\"scopes\":[\"task:read\"]");
        String wrong = reader.secret().substring(0, reader.secret().length() - 4) + "0000";
        assertEquals(401, assertThrows(UnauthorizedException.class, () -> client(wrong).models().list()).statusCode());
        assertThrows(PermissionDeniedException.class, () -> client(reader.secret()).models().list());
        HelixClient viewer = HelixClient.user("gw-viewer-" + RUN, "viewer");
        JsonObject forbidden = viewer.post("/v1/chat/completions", "{}").expect(403).object().getJsonObject("error");
        assertEquals("permission_error", forbidden.getString("type"));
        assertTrue(forbidden.getString("message").contains("gateway:use"), forbidden::toString);

        Key key = keyOf("gw-dev-" + RUN, "developer", "");
        NotFoundException unknown = assertThrows(NotFoundException.class, () -> client(key.secret()).chat().completions()
                .create(ChatCompletionCreateParams.builder().model("no-such-model").addUserMessage("Hi").build()));
        assertEquals(404, unknown.statusCode());

        HelixClient developer = HelixClient.withBearer(key.secret());
        JsonObject noMessages = developer.post("/v1/chat/completions", "{\"model\":\"offline\"}").expect(400).object()
                .getJsonObject("error");
        assertEquals("invalid_request_error", noMessages.getString("type"));
        assertEquals("messages", noMessages.getString("param"));
        assertEquals("invalid_request_error", developer.post("/v1/embeddings", "{not json").expect(400).object()
                .getJsonObject("error").getString("type"));
        assertEquals("POST", developer.get("/v1/chat/completions").expect(405).headers().firstValue("Allow").orElseThrow());
        developer.get("/v1/files").expect(404).tellsNoInternals();
    }

    @Test
    void anAliasRoutesToItsDeploymentPassesUnknownFieldsOnAndCachesIdenticalAnswers() {
        String provider = registerProvider("gw-cache-" + RUN, primary);
        String alias = "cached-" + RUN;
        admin.post("/api/v1/admin/gateway/models", aliasJson(alias, provider, List.of(), "PT10S", "PT1M")).expect(201);
        OpenAIClient openAi = client(keyOf("gw-dev-" + RUN, "developer", "").secret());
        ChatCompletionCreateParams question = ChatCompletionCreateParams.builder().model(alias).addUserMessage("Same question")
                .putAdditionalBodyProperty("x_vendor_hint", JsonValue.from(Map.of("keep", true))).build();

        HttpResponseFor<ChatCompletion> first = openAi.chat().completions().withRawResponse().create(question);
        assertEquals(provider + "/" + MODEL, header(first, "x-helix-deployment"));
        assertEquals("miss", header(first, "x-helix-cache"));
        assertTrue(first.parse().choices().get(0).message().content().orElseThrow().startsWith("Done"));
        JsonObject sent = primary.calls().get(0).body();
        assertEquals(MODEL, sent.getString("model"), "the deployment's model, not the alias");
        assertEquals(true, sent.getJsonObject("x_vendor_hint").getBoolean("keep"), "a field Helix does not know is passed on");

        HttpResponseFor<ChatCompletion> again = openAi.chat().completions().withRawResponse().create(question);
        assertEquals("hit", header(again, "x-helix-cache"));
        assertEquals(first.parse().id(), again.parse().id());
        assertEquals(1, primary.calls().size(), "the identical request was answered from the cache");

        HttpResponseFor<ChatCompletion> fresh = openAi.chat().completions().withRawResponse().create(question.toBuilder()
                .putAdditionalHeader("Cache-Control", "no-cache").build());
        assertEquals("miss", header(fresh, "x-helix-cache"));
        assertEquals(2, primary.calls().size());

        try (StreamResponse<ChatCompletionChunk> stream = openAi.chat().completions().createStreaming(question)) {
            String text = stream.stream().flatMap(c -> c.choices().stream()).map(c -> c.delta().content().orElse(""))
                    .collect(Collectors.joining());
            assertEquals("Done: the item is implemented.", text);
        }
        assertEquals(3, primary.calls().size(), "streams are never cached");
        assertTrue(primary.calls().get(2).body().getJsonObject("stream_options").getBoolean("include_usage"),
                "the gateway asks for the usage of every stream");

        assertEquals(3, openAi.embeddings().create(EmbeddingCreateParams.builder().model(alias).input("four").build())
                .data().get(0).embedding().size());
        assertEquals(1, primary.embeddingCalls().size());

        JsonObject metered = usage("model", alias, 5);
        assertEquals(5, metered.getInt("calls"));
        assertEquals(1, metered.getInt("cacheHits"));
        assertEquals(150 * 3 + 8, metered.getJsonNumber("totalTokens").longValue(), "the providers' counts; a cache hit costs none");
    }

    @Test
    void faultsFallBackTheCircuitOpensAndClosesAgainAndNothingHangs() throws InterruptedException {
        String flaky = registerProvider("gw-flaky-" + RUN, primary);
        String steady = registerProvider("gw-steady-" + RUN, backup);
        String fallback = "backup-" + RUN;
        String alias = "primary-" + RUN;
        admin.post("/api/v1/admin/gateway/models", aliasJson(fallback, steady, List.of(), "PT10S", null)).expect(201);
        admin.post("/api/v1/admin/gateway/models", aliasJson(alias, flaky, List.of(fallback), "PT1S", null)).expect(201);
        OpenAIClient openAi = client(keyOf("gw-dev-" + RUN, "developer", "").secret());
        ChatCompletionCreateParams question = ChatCompletionCreateParams.builder().model(alias).addUserMessage("Serve me").build();
        String flakyDeployment = flaky + "/" + MODEL;

        primary.script(FakeOpenAi.Reply.error(500, "upstream exploded"));
        HttpResponseFor<ChatCompletion> served = openAi.chat().completions().withRawResponse().create(question);
        assertEquals(steady + "/" + MODEL, header(served, "x-helix-deployment"));
        assertEquals(flakyDeployment + "=http-500", header(served, "x-helix-fallback-reason"));

        HttpResponseFor<ChatCompletion> cooling = openAi.chat().completions().withRawResponse().create(question);
        assertEquals(flakyDeployment + "=cooling-down", header(cooling, "x-helix-fallback-reason"));
        assertEquals(1, primary.calls().size(), "a deployment cooling down is not called");

        Thread.sleep(1_100);
        primary.script(FakeOpenAi.Reply.rateLimited(2));
        assertEquals(flakyDeployment + "=http-429", header(openAi.chat().completions().withRawResponse().create(question),
                "x-helix-fallback-reason"));
        Thread.sleep(1_100);
        assertEquals(flakyDeployment + "=cooling-down", header(openAi.chat().completions().withRawResponse().create(question),
                "x-helix-fallback-reason"), "Retry-After: 2 holds it back longer than the cool-down");

        Thread.sleep(1_000);
        primary.script(FakeOpenAi.Reply.late("too late", Duration.ofSeconds(3)));
        assertEquals(flakyDeployment + "=timeout", header(openAi.chat().completions().withRawResponse().create(question),
                "x-helix-fallback-reason"));
        assertEquals("OPEN", circuitOf(alias), "three failures in a row");

        Thread.sleep(1_100);
        try (StreamResponse<ChatCompletionChunk> stream = openAi.chat().completions().createStreaming(question)) {
            assertTrue(stream.stream().count() > 0, "the fallback streams while the circuit is open");
        }
        assertEquals(3, primary.calls().size(), "an open circuit lets no call through");

        Thread.sleep(3_100);
        HttpResponseFor<ChatCompletion> recovered = openAi.chat().completions().withRawResponse().create(question);
        assertEquals(flakyDeployment, header(recovered, "x-helix-deployment"), "the trial call after the circuit's delay");
        assertEquals("CLOSED", circuitOf(alias));

        primary.script(FakeOpenAi.Reply.malformedStream());
        try (StreamResponse<ChatCompletionChunk> stream = openAi.chat().completions().createStreaming(question)) {
            assertEquals("Done: the item is implemented.", stream.stream().flatMap(c -> c.choices().stream())
                    .map(c -> c.delta().content().orElse("")).collect(Collectors.joining()), "a stream broken before its "
                    + "first event falls back");
        }

        backup.script(FakeOpenAi.Reply.brokenStream("the provider goes away in the middle of this answer"));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(OpenAIException.class, () -> {
            try (StreamResponse<ChatCompletionChunk> stream = openAi.chat().completions().createStreaming(question.toBuilder()
                    .model(fallback).build())) {
                stream.stream().forEach(chunk -> { });
            }
        }), "a stream broken after its first event ends with an error event, and nothing hangs");

        String metrics = HelixClient.admin().overHttps().get("/metrics?scope=application", "text/plain").expect(200).body();
        assertMetric(metrics, "helix_gateway_skips_total{alias=\"" + alias + "\",deployment=\"" + flakyDeployment
                + "\",mp_scope=\"application\",reason=\"http-500\"", "1.0");
        assertMetric(metrics, "helix_gateway_calls_total{alias=\"" + alias + "\",deployment=\"" + steady + "/" + MODEL
                + "\",mp_scope=\"application\",outcome=\"2xx\"", "7.0");
        assertMetric(metrics, "helix_gateway_circuit_open{deployment=\"" + flakyDeployment + "\",mp_scope=\"application\"", "0.0");

        JsonObject metered = usage("model", alias, 8);
        assertEquals(8, metered.getInt("calls"), "each call metered once, whichever deployment served it");
        assertEquals(0, metered.getInt("failedCalls"));
        assertEquals(1, usage("model", fallback, 1).getInt("failedCalls"), "the broken stream");
    }

    @Test
    void aClientThatGoesAwayInTheMiddleOfAStreamEndsTheProvidersCall() throws Exception {
        String provider = registerProvider("gw-slow-" + RUN, primary);
        String alias = "slow-" + RUN;
        admin.post("/api/v1/admin/gateway/models", aliasJson(alias, provider, List.of(), "PT30S", null)).expect(201);
        Key key = keyOf("gw-dev-" + RUN, "developer", "");
        primary.script(FakeOpenAi.Reply.paced("word ".repeat(100).strip(), Duration.ofMillis(100)));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(HelixClient.BASE + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + key.secret()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + alias + "\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Talk slowly\"}]}")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        try (InputStream body = response.body()) {
            assertTrue(new String(body.readNBytes(20)).startsWith("data: {"), "the first event came before the last");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (primary.abandonedStreams() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(1, primary.abandonedStreams(), "the provider's stream was ended when the client went away");
        JsonObject metered = usage("model", alias, 1);
        assertEquals(1, metered.getInt("calls"));
        assertEquals(1, metered.getInt("failedCalls"), "metered as a call the client did not wait for to its end");
        assertTrue(metered.getJsonNumber("totalTokens").longValue() > 0, "what the provider wrote until then is counted");
    }

    @Test
    void agentsOwnModelCallsAreMeteredByTheSameMeter() {
        String requester = "gw-agent-user-" + RUN;
        HelixClient user = HelixClient.user(requester, "developer");
        long task = user.post("/api/v1/tasks", "{\"title\":\"Metered\",\"prompt\":\"Count my tokens\",\"justDoIt\":true}")
                .expect(201).object().getJsonNumber("id").longValue();
        user.awaitStatus(task, "IMPLEMENTATION_REVIEW");
        JsonObject metered = usage("user", requester, 2);
        assertTrue(metered.getInt("calls") >= 2, "the plan and at least one item: " + metered);
        assertTrue(metered.getJsonNumber("totalTokens").longValue() > 0);
    }

    @Test
    void aSpentBudgetRefusesCallsOnEveryPathWarnsItsOwnerAndCountsSpendByPrice() {
        String provider = registerProvider("gw-budget-" + RUN, primary);
        String alias = "budgeted-" + RUN;
        admin.post("/api/v1/admin/gateway/models", aliasJson(alias, provider, List.of(), "PT10S", null)).expect(201);
        admin.put("/api/v1/admin/prices", "{\"deployment\":\"" + provider + "/" + MODEL + "\",\"promptPer1k\":0.5,"
                + "\"completionPer1k\":1.5}").expect(200);
        String user = "gw-budget-user-" + RUN;
        Key key = keyOf(user, "developer", "");
        long budget = admin.post("/api/v1/admin/budgets", "{\"user\":\"" + user + "\",\"period\":\"day\",\"tokens\":200}")
                .expect(201).object().getJsonNumber("id").longValue();
        admin.post("/api/v1/admin/budgets", "{\"user\":\"" + user + "\",\"period\":\"day\",\"tokens\":5}").problem(409);
        OpenAIClient openAi = client(key.secret());
        ChatCompletionCreateParams question = ChatCompletionCreateParams.builder().model(alias).addUserMessage("Spend").build();

        openAi.chat().completions().create(question); // 150 of 200 tokens
        awaitSpent(budget, 150);
        HelixClient owner = HelixClient.as(user, user + "-password-123");
        assertTrue(owner.get("/api/v1/me/notifications").expect(200).json().asJsonArray().isEmpty(), "75 %: no warning yet");
        openAi.chat().completions().create(question); // 300: over, and past 80 %
        awaitSpent(budget, 300);
        JsonObject warning = owner.get("/api/v1/me/notifications").expect(200).json().asJsonArray().getJsonObject(0);
        assertEquals("budget", warning.getString("source"));
        assertTrue(warning.getString("message").startsWith("Token budget at 150 %"), warning::toString);
        assertEquals(300, admin.get("/api/v1/admin/budgets/" + budget).expect(200).object().getInt("spent"));

        RateLimitException refused = assertThrows(RateLimitException.class, () -> openAi.chat().completions().create(question));
        assertTrue(refused.getMessage().contains("user '" + user + "' may use 200 tokens a day"), refused.getMessage());
        assertEquals(2, primary.calls().size(), "a refused call never reaches a provider");

        long task = owner.post("/api/v1/tasks", "{\"title\":\"Over budget\",\"prompt\":\"No tokens left\",\"justDoIt\":true}")
                .expect(201).object().getJsonNumber("id").longValue();
        JsonObject failed = owner.awaitTask(task, t -> t.getString("status").endsWith("FAILED"), Duration.ofSeconds(60));
        assertTrue(failed.getString("failureReason").contains("Token budget exhausted"), failed::toString);

        admin.put("/api/v1/admin/budgets/" + budget, "{\"tokens\":100000}").expect(200);
        openAi.chat().completions().create(question);
        JsonObject metered = usage("user", user, 4);
        assertEquals(4, metered.getInt("calls"), "three answered and one refused");
        assertEquals(1, metered.getInt("failedCalls"));
        assertEquals(0, new BigDecimal("0.375").compareTo(metered.getJsonNumber("spend").bigDecimalValue()),
                "3 x (100 prompt x 0.5 + 50 completion x 1.5) / 1000: " + metered);
    }

    @Test
    void anApiKeysOwnBudgetHoldsThatKeyOnly() {
        String user = "gw-keybudget-" + RUN;
        Key limited = keyOf(user, "developer", "");
        Key other = keyOf(user, "developer", "");
        long budget = admin.post("/api/v1/admin/budgets", "{\"keyPrefix\":\"" + limited.prefix()
                + "\",\"period\":\"month\",\"tokens\":1}").expect(201).object().getJsonNumber("id").longValue();
        ChatCompletionCreateParams question = ChatCompletionCreateParams.builder().model("offline").addUserMessage("Hi").build();
        client(limited.secret()).chat().completions().create(question);
        awaitSpent(budget, 1);
        RateLimitException refused = assertThrows(RateLimitException.class,
                () -> client(limited.secret()).chat().completions().create(question));
        assertTrue(refused.getMessage().contains("API key " + limited.prefix()), refused.getMessage());
        assertTrue(refused.headers().values("Retry-After").size() == 1, "says when the month's tokens come back");
        assertThrows(RateLimitException.class, () -> client(limited.secret()).embeddings().create(EmbeddingCreateParams.builder()
                .model("offline").input("more").build()), "every path is held to the budget: embeddings");
        assertThrows(RateLimitException.class, () -> client(limited.secret()).chat().completions().createStreaming(question)
                .stream().count(), "and streams");
        client(other.secret()).chat().completions().create(question);
    }

    @Test
    void administratorsDefineChangeAndRemoveAliasesAndAreToldWhatIsWrong() {
        String provider = registerProvider("gw-admin-" + RUN, primary);
        String alias = "admin-" + RUN;
        HelixClient.Answer created = admin.post("/api/v1/admin/gateway/models", aliasJson(alias, provider, List.of(), "PT30S", null))
                .expect(201);
        assertTrue(created.location().endsWith("/api/v1/admin/gateway/models/" + alias), created.location());
        JsonObject view = created.object();
        assertEquals("CLOSED", view.getJsonArray("deployments").getJsonObject(0).getString("circuit"));
        assertEquals("PT0S", view.getString("cacheTtl"));
        admin.post("/api/v1/admin/gateway/models", aliasJson(alias, provider, List.of(), "PT30S", null)).problem(409);

        String other = "other-" + RUN;
        admin.post("/api/v1/admin/gateway/models", aliasJson(other, provider, List.of(alias), "PT30S", null)).expect(201);
        JsonObject changed = admin.put("/api/v1/admin/gateway/models/" + alias, "{\"deployments\":[{\"provider\":\"" + provider
                + "\",\"model\":\"" + MODEL + "\",\"weight\":5,\"requestsPerMinute\":60}],\"timeout\":\"PT5S\"}").expect(200).object();
        assertEquals(5, changed.getJsonArray("deployments").getJsonObject(0).getInt("weight"));
        assertEquals("PT5S", changed.getString("timeout"));

        assertTrue(admin.post("/api/v1/admin/gateway/models", aliasJson("x-" + RUN, "no-such-provider", List.of(), null, null))
                .problem(422).getString("detail").startsWith("deployments[0]:"));
        assertTrue(admin.post("/api/v1/admin/gateway/models", aliasJson("y-" + RUN, provider, List.of("nowhere"), null, null))
                .problem(422).getString("detail").contains("nowhere"));
        assertTrue(admin.delete("/api/v1/admin/gateway/models/" + alias).problem(409).getString("detail").contains(other));
        HelixClient.user("gw-op-" + RUN, "operator").get("/api/v1/admin/gateway/models").problem(403);

        admin.delete("/api/v1/admin/gateway/models/" + other).expect(204);
        admin.delete("/api/v1/admin/gateway/models/" + alias).expect(204);
        admin.get("/api/v1/admin/gateway/models/" + alias).problem(404);
    }

    private record Key(String secret, String prefix) {
    }

    /** A new API key of a user with the role; {@code more} adds fields to the request, e.g. scopes. */
    private static Key keyOf(String user, String role, String more) {
        JsonObject issued = HelixClient.user(user, role).post("/api/v1/me/api-keys", "{\"name\":\"gateway-" + System.nanoTime() + "\""
                + more + "}").expect(201).object();
        return new Key(issued.getString("key"), issued.getString("prefix"));
    }

    private static OpenAIClient client(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(HelixClient.BASE + "/v1").apiKey(key).maxRetries(0)
                .timeout(Duration.ofSeconds(30)).build();
    }

    private String registerProvider(String name, FakeOpenAi fake) {
        admin.post("/api/v1/admin/providers", ProviderBindings.registration(fake, name, "sk-gw-" + RUN, MODEL, 0, "PT10S"))
                .expect(201);
        return name;
    }

    private static String aliasJson(String alias, String provider, List<String> fallbacks, String timeout, String cacheTtl) {
        return "{\"alias\":\"" + alias + "\",\"deployments\":[{\"provider\":\"" + provider + "\",\"model\":\"" + MODEL
                + "\",\"weight\":1}],\"fallbacks\":[" + fallbacks.stream().map(f -> "\"" + f + "\"").collect(Collectors.joining(","))
                + "]" + (timeout == null ? "" : ",\"timeout\":\"" + timeout + "\"")
                + (cacheTtl == null ? "" : ",\"cacheTtl\":\"" + cacheTtl + "\"") + "}";
    }

    /** A Prometheus sample: the name and labels (a trailing comma allowed), then its value. */
    private static void assertMetric(String metrics, String nameAndLabels, String value) {
        assertTrue(metrics.contains(nameAndLabels + "} " + value) || metrics.contains(nameAndLabels + ",} " + value),
                () -> nameAndLabels + "} " + value + " not in:\n" + metrics);
    }

    private static String header(HttpResponseFor<?> response, String name) {
        return response.headers().values(name).stream().findFirst().orElse(null);
    }

    private String circuitOf(String alias) {
        return admin.get("/api/v1/admin/gateway/models/" + alias).expect(200).object().getJsonArray("deployments")
                .getJsonObject(0).getString("circuit");
    }

    /**
     * The usage of one group since the test started, once at least {@code calls} calls are recorded (the gateway meters
     * its calls just after answering them) or after ten seconds.
     */
    private JsonObject usage(String groupBy, String group, int calls) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Optional<JsonObject> sums = admin.get("/api/v1/usage?groupBy=" + groupBy + "&from=" + started).expect(200).json()
                    .asJsonArray().getValuesAs(JsonObject.class).stream().filter(s -> group.equals(s.getString("group", null)))
                    .findFirst();
            if (sums.isPresent() && sums.get().getInt("calls") >= calls || System.nanoTime() > deadline) {
                return sums.orElseThrow(() -> new AssertionError("no usage of " + groupBy + " " + group));
            }
            HelixClient.sleep(50);
        }
    }

    /** Waits until the budget has counted at least {@code tokens} (or ten seconds have passed). */
    private void awaitSpent(long budget, int tokens) {
        admin.await("/api/v1/admin/budgets/" + budget, b -> b.getInt("spent") >= tokens, Duration.ofSeconds(10));
    }
}
