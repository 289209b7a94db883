package dev.helix.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local endpoint that speaks OpenAI's protocol ({@code GET /v1/models}, {@code POST /v1/chat/completions}) the way
 * a test scripts it: each chat call takes the next scripted {@link Reply}, and once the script is used up it answers
 * sensibly on its own (a valid spec when JSON is asked for, a sentence of work otherwise), with token usage; it also
 * answers {@code POST /v1/embeddings} with small vectors. A call
 * asking for a stream ({@code "stream": true}) gets the answer as server-sent chunks, word by word (at the reply's
 * pace), the usage in the last chunk and {@code [DONE]}; a {@link Reply#brokenStream} breaks off mid-answer.
 */
final class FakeOpenAi implements AutoCloseable {

    /** One chat call received. */
    record Call(Instant at, String authorization, JsonObject body) {

        String model() {
            return body.getString("model", "");
        }

        boolean asksForJson() {
            return body.containsKey("response_format");
        }

        /** The names of the tools the call offered. */
        List<String> tools() {
            return body.containsKey("tools") ? body.getJsonArray("tools").getValuesAs(JsonObject.class).stream()
                    .map(t -> t.getJsonObject("function").getString("name")).toList() : List.of();
        }

        /** The text of every message, one after the other. */
        String conversation() {
            StringBuilder text = new StringBuilder();
            body.getJsonArray("messages").getValuesAs(JsonObject.class)
                    .forEach(m -> text.append(m.getString("role")).append(": ").append(m.get("content")).append('\n'));
            return text.toString();
        }
    }

    /**
     * What a chat call answers: a status, headers, and a body, after {@code delay}; streamed, with {@code pace} between
     * chunks, or broken off after the first chunk, or (malformed) with a first chunk that is not JSON.
     */
    record Reply(int status, Map<String, String> headers, String body, Duration pace, boolean broken, boolean malformed,
                 Duration delay) {

        Reply(int status, Map<String, String> headers, String body) {
            this(status, headers, body, Duration.ZERO, false, false, Duration.ZERO);
        }

        static Reply text(String content) {
            return new Reply(200, Map.of(), completion(content));
        }

        /** A text answer that, streamed, takes {@code pace} per word: slow enough to watch it being written. */
        static Reply paced(String content, Duration pace) {
            return new Reply(200, Map.of(), completion(content), pace, false, false, Duration.ZERO);
        }

        /** A stream that sends the first words of the answer, then breaks off without ending. */
        static Reply brokenStream(String content) {
            return new Reply(200, Map.of(), completion(content), Duration.ZERO, true, false, Duration.ZERO);
        }

        /** A stream whose first chunk is not JSON. */
        static Reply malformedStream() {
            return new Reply(200, Map.of(), completion("never read"), Duration.ZERO, false, true, Duration.ZERO);
        }

        /** A text answer that comes only after {@code delay}: later than an impatient caller waits. */
        static Reply late(String content, Duration delay) {
            return new Reply(200, Map.of(), completion(content), Duration.ZERO, false, false, delay);
        }

        /** An answer calling one tool, with its arguments as the model wrote them (valid JSON or not). */
        static Reply toolCall(String tool, String arguments) {
            return new Reply(200, Map.of(), Json.createObjectBuilder()
                    .add("id", "chatcmpl-fake").add("object", "chat.completion").add("created", Instant.now().getEpochSecond())
                    .add("model", "fake")
                    .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                            .add("message", Json.createObjectBuilder().add("role", "assistant").addNull("content")
                                    .add("tool_calls", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                            .add("id", "call-" + tool + "-" + arguments.hashCode()).add("type", "function")
                                            .add("function", Json.createObjectBuilder().add("name", tool).add("arguments", arguments)))))
                            .add("finish_reason", "tool_calls")))
                    .add("usage", Json.createObjectBuilder().add("prompt_tokens", 100).add("completion_tokens", 20)
                            .add("total_tokens", 120))
                    .build().toString());
        }

        static Reply error(int status, String message) {
            return new Reply(status, Map.of(), Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                    .add("message", message).add("type", "server_error")).build().toString());
        }

        static Reply rateLimited(int retryAfterSeconds) {
            return new Reply(429, Map.of("Retry-After", Integer.toString(retryAfterSeconds)),
                    error(429, "Rate limit reached").body());
        }
    }

    /** The spec the fake writes when it is asked for one and nothing else is scripted. */
    static final String REQUIREMENTS = "R1: add(a, b) returns the sum of a and b.";
    static final String DESIGN = "One static method in Calculator.";
    static final String PLAN = "# Plan\n- [ ] Write Calculator.add\n- [ ] Test Calculator.add";

    private final HttpServer server;
    private final List<String> models;
    private final Deque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<JsonObject> embeddingCalls = new CopyOnWriteArrayList<>();
    private final AtomicInteger abandonedStreams = new AtomicInteger();

    FakeOpenAi(String... models) {
        this.models = List.of(models);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/models", this::models);
        server.createContext("/v1/chat/completions", this::chat);
        server.createContext("/v1/embeddings", this::embeddings);
        server.setExecutor(Executors.newCachedThreadPool()); // a slow answer a client gave up on holds no other call up
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The replies the next chat calls get, in order. */
    void script(Reply... replies) {
        script.addAll(List.of(replies));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<JsonObject> embeddingCalls() {
        return List.copyOf(embeddingCalls);
    }

    /** How many streams the caller went away from before their end (a write to it failed). */
    int abandonedStreams() {
        return abandonedStreams.get();
    }

    static String specJson(String requirements, String design, String plan) {
        return Json.createObjectBuilder().add("requirements", requirements).add("design", design).add("plan", plan)
                .build().toString();
    }

    private void models(HttpExchange exchange) throws IOException {
        JsonArrayBuilder data = Json.createArrayBuilder();
        models.forEach(m -> data.add(Json.createObjectBuilder().add("id", m).add("object", "model").add("owned_by", "fake")));
        answer(exchange, new Reply(200, Map.of(), Json.createObjectBuilder().add("object", "list").add("data", data)
                .build().toString()));
    }

    /** Three dimensions per input, the first its length, with usage. */
    private void embeddings(HttpExchange exchange) throws IOException {
        JsonObject body = Json.createReader(new StringReader(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8))).readObject();
        embeddingCalls.add(body);
        List<String> inputs = body.get("input") instanceof JsonString one ? List.of(one.getString())
                : body.getJsonArray("input").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                        .toList();
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            data.add(Json.createObjectBuilder().add("object", "embedding").add("index", i).add("embedding",
                    Json.createArrayBuilder().add(inputs.get(i).length()).add(0.5).add(0.25)));
        }
        answer(exchange, new Reply(200, Map.of(), Json.createObjectBuilder().add("object", "list").add("data", data)
                .add("model", body.getString("model")).add("usage", Json.createObjectBuilder().add("prompt_tokens", 8)
                        .add("total_tokens", 8)).build().toString()));
    }

    private void chat(HttpExchange exchange) throws IOException {
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Call call = new Call(Instant.now(), exchange.getRequestHeaders().getFirst("Authorization"),
                Json.createReader(new StringReader(text)).readObject());
        calls.add(call);
        Reply scripted = script.poll();
        if (scripted != null) {
            pause(scripted.delay());
        }
        Reply reply = scripted != null ? scripted : call.asksForJson() ? Reply.text(specJson(REQUIREMENTS, DESIGN, PLAN))
                : Reply.text("Done: the item is implemented.");
        if (call.body().getBoolean("stream", false) && reply.status() == 200) {
            stream(exchange, reply);
        } else {
            answer(exchange, reply);
        }
    }

    private static String completion(String content) {
        return Json.createObjectBuilder()
                .add("id", "chatcmpl-fake").add("object", "chat.completion").add("created", Instant.now().getEpochSecond())
                .add("model", "fake")
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                        .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", content))
                        .add("finish_reason", "stop")))
                .add("usage", Json.createObjectBuilder().add("prompt_tokens", 100).add("completion_tokens", 50)
                        .add("total_tokens", 150))
                .build().toString();
    }

    /** The reply as server-sent chunks: the content word by word or the tool call in two halves, then usage. */
    private void stream(HttpExchange exchange, Reply reply) throws IOException {
        JsonObject completion = Json.createReader(new StringReader(reply.body())).readObject();
        JsonObject choice = completion.getJsonArray("choices").getJsonObject(0);
        JsonObject message = choice.getJsonObject("message");
        List<JsonObject> deltas = new ArrayList<>();
        if (message.containsKey("tool_calls")) {
            JsonObject call = message.getJsonArray("tool_calls").getJsonObject(0);
            String arguments = call.getJsonObject("function").getString("arguments");
            int half = arguments.length() / 2;
            deltas.add(Json.createObjectBuilder().add("role", "assistant").add("tool_calls", Json.createArrayBuilder().add(
                    Json.createObjectBuilder().add("index", 0).add("id", call.getString("id")).add("type", "function")
                            .add("function", Json.createObjectBuilder().add("name", call.getJsonObject("function").getString("name"))
                                    .add("arguments", arguments.substring(0, half))))).build());
            deltas.add(Json.createObjectBuilder().add("tool_calls", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("index", 0).add("function", Json.createObjectBuilder().add("arguments", arguments.substring(half))))).build());
        } else {
            for (String word : message.getString("content").split("(?<= )")) {
                deltas.add(Json.createObjectBuilder().add("content", word).build());
            }
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        // A broken stream promises more than it sends, so the client sees the connection end mid-answer.
        exchange.sendResponseHeaders(200, reply.broken() ? 1_000_000 : 0);
        try (var out = exchange.getResponseBody()) {
            if (reply.malformed()) {
                out.write("data: {this is not json\n\n".getBytes(StandardCharsets.UTF_8));
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            for (int i = 0; i < deltas.size(); i++) {
                out.write(event(chunk(Json.createObjectBuilder().add("index", 0).add("delta", deltas.get(i)).addNull("finish_reason"))));
                out.flush();
                if (reply.broken() && i >= Math.min(2, deltas.size() - 1)) {
                    exchange.close();
                    return;
                }
                pause(reply.pace());
            }
            out.write(event(chunk(Json.createObjectBuilder().add("index", 0).add("delta", JsonValue.EMPTY_JSON_OBJECT)
                    .add("finish_reason", choice.getString("finish_reason")))));
            out.write(event(Json.createObjectBuilder().add("id", "chatcmpl-fake").add("object", "chat.completion.chunk")
                    .add("created", Instant.now().getEpochSecond()).add("model", "fake").add("choices", JsonValue.EMPTY_JSON_ARRAY)
                    .add("usage", completion.getJsonObject("usage")).build().toString()));
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException gone) {
            abandonedStreams.incrementAndGet();
        }
    }

    private static String chunk(jakarta.json.JsonObjectBuilder choice) {
        return Json.createObjectBuilder().add("id", "chatcmpl-fake").add("object", "chat.completion.chunk")
                .add("created", Instant.now().getEpochSecond()).add("model", "fake")
                .add("choices", Json.createArrayBuilder().add(choice)).build().toString();
    }

    private static byte[] event(String data) {
        return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void pause(Duration pace) {
        try {
            Thread.sleep(pace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, Reply reply) throws IOException {
        try (exchange) {
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
