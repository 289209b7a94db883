package dev.helix.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local endpoint that speaks OpenAI's protocol ({@code GET /v1/models}, {@code POST /v1/chat/completions}) the way
 * a test scripts it: each chat call takes the next scripted {@link Reply}, and once the script is used up it answers
 * sensibly on its own (a valid spec when JSON is asked for, a sentence of work otherwise), with token usage.
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

    /** What a chat call answers: a status, headers, and a body. */
    record Reply(int status, Map<String, String> headers, String body) {

        static Reply text(String content) {
            return new Reply(200, Map.of(), completion(content));
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

    FakeOpenAi(String... models) {
        this.models = List.of(models);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/models", this::models);
        server.createContext("/v1/chat/completions", this::chat);
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

    private void chat(HttpExchange exchange) throws IOException {
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Call call = new Call(Instant.now(), exchange.getRequestHeaders().getFirst("Authorization"),
                Json.createReader(new StringReader(text)).readObject());
        calls.add(call);
        Reply scripted = script.poll();
        if (scripted != null) {
            answer(exchange, scripted);
        } else if (call.asksForJson()) {
            answer(exchange, Reply.text(specJson(REQUIREMENTS, DESIGN, PLAN)));
        } else {
            answer(exchange, Reply.text("Done: the item is implemented."));
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
