package dev.helix.providers.internal;

import dev.helix.providers.model.RelayAnswer;
import dev.helix.providers.model.RelayRequest;
import dev.helix.shared.model.Abbreviation;
import dev.helix.shared.model.TokenCount;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The built-in offline model behind the gateway: answers chat completions and embeddings in OpenAI's protocol
 * without a network or a model, so the gateway works out of the box. Chat answers are deterministic: a sentence
 * quoting the last message, an object in JSON mode (with the schema's required properties for structured output),
 * a call of the first offered tool (or the named one) when tools are offered and the last message is not a tool's
 * result; {@code n}, {@code stop}, {@code max_tokens} and streaming (word by word, usage at the end when asked for)
 * are honoured. Embeddings are {@link FeatureHashingEmbedder}'s, as floats or base64.
 */
public final class OfflineRelay {

    /** Looked up once: finding the provider on each call costs more than the parsing. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final FeatureHashingEmbedder embedder = new FeatureHashingEmbedder();

    public RelayAnswer send(RelayRequest request) {
        JsonObject body;
        try {
            body = JSON.createReader(new StringReader(request.body())).readObject();
        } catch (JsonException | ClassCastException e) {
            return refusal("The body is not a JSON object", null);
        }
        return switch (request.endpoint()) {
            case CHAT_COMPLETIONS -> chat(body, request.stream());
            case EMBEDDINGS -> embeddings(body);
        };
    }

    private RelayAnswer chat(JsonObject body, boolean stream) {
        if (!(body.get("messages") instanceof JsonArray messages) || messages.isEmpty()) {
            return refusal("messages must be a non-empty array", "messages");
        }
        String model = body.getString("model", "helix-offline-1");
        StringBuilder prompt = new StringBuilder();
        messages.stream().filter(m -> m instanceof JsonObject).forEach(m -> prompt.append(text(((JsonObject) m).get("content"))));
        JsonObject last = messages.get(messages.size() - 1) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        Reply reply = reply(body, last);
        int n = body.get("n") instanceof JsonNumber number ? Math.max(1, Math.min(number.intValue(), 8)) : 1;
        TokenCount tokens = TokenCount.estimated(TokenCount.estimateOf(prompt), TokenCount.estimateOf(reply.text()) * n);
        String answer = stream ? stream(model, reply, n, tokens, includeUsage(body)) : completion(model, reply, n, tokens);
        return new RelayAnswer(200, null, new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));
    }

    /** What the offline model says to the last message: a tool call, or text cut by stop sequences and max tokens. */
    private static Reply reply(JsonObject body, JsonObject last) {
        String tool = chosenTool(body, last);
        if (tool != null) {
            return new Reply(null, tool, "tool_calls");
        }
        String text = jsonMode(body) ? jsonAnswer(body, last) : "This is helix-offline-1, Helix's built-in offline model: it "
                + "answers without a network. You wrote: \"" + Abbreviation.firstLine(text(last.get("content")), 200) + "\"";
        String finish = "stop";
        for (String stop : stops(body)) {
            int at = stop.isEmpty() ? -1 : text.indexOf(stop);
            if (at >= 0) {
                text = text.substring(0, at);
            }
        }
        long most = maxTokens(body);
        if (most > 0 && TokenCount.estimateOf(text) > most) {
            text = text.substring(0, (int) Math.min(text.length(), most * 4));
            finish = "length";
        }
        return new Reply(text, null, finish);
    }

    private record Reply(String text, String tool, String finish) {
    }

    private static String chosenTool(JsonObject body, JsonObject last) {
        if (!(body.get("tools") instanceof JsonArray tools) || tools.isEmpty() || "tool".equals(last.getString("role", ""))) {
            return null;
        }
        JsonValue choice = body.get("tool_choice");
        if (choice instanceof JsonString s && s.getString().equals("none")) {
            return null;
        }
        if (choice instanceof JsonObject named && named.get("function") instanceof JsonObject function) {
            return function.getString("name", null);
        }
        return tools.get(0) instanceof JsonObject first && first.get("function") instanceof JsonObject function
                ? function.getString("name", null) : null;
    }

    private static boolean jsonMode(JsonObject body) {
        return body.get("response_format") instanceof JsonObject format
                && List.of("json_object", "json_schema").contains(format.getString("type", ""));
    }

    /** An object quoting the last message, with the schema's required properties where structured output is asked. */
    private static String jsonAnswer(JsonObject body, JsonObject last) {
        JsonObjectBuilder answer = JSON.createObjectBuilder();
        JsonObject schema = body.getJsonObject("response_format").get("json_schema") instanceof JsonObject s
                && s.get("schema") instanceof JsonObject inner ? inner : null;
        if (schema != null && schema.get("properties") instanceof JsonObject properties) {
            properties.forEach((name, property) -> answer.add(name, placeholder(property, text(last.get("content")))));
        } else {
            answer.add("model", "helix-offline-1").add("echo", Abbreviation.firstLine(text(last.get("content")), 200));
        }
        return answer.build().toString();
    }

    private static JsonValue placeholder(JsonValue property, String said) {
        String type = property instanceof JsonObject p && p.get("type") instanceof JsonString t ? t.getString() : "string";
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "integer", "number" -> JSON.createValue(0);
            case "boolean" -> JsonValue.FALSE;
            case "array" -> JsonValue.EMPTY_JSON_ARRAY;
            case "object" -> JsonValue.EMPTY_JSON_OBJECT;
            default -> JSON.createValue(Abbreviation.firstLine(said, 200));
        };
    }

    private static List<String> stops(JsonObject body) {
        JsonValue stop = body.get("stop");
        if (stop instanceof JsonString s) {
            return List.of(s.getString());
        }
        List<String> stops = new ArrayList<>();
        if (stop instanceof JsonArray array) {
            array.stream().filter(v -> v instanceof JsonString).forEach(v -> stops.add(((JsonString) v).getString()));
        }
        return stops;
    }

    private static long maxTokens(JsonObject body) {
        for (String field : List.of("max_completion_tokens", "max_tokens")) {
            if (body.get(field) instanceof JsonNumber number) {
                return number.longValue();
            }
        }
        return 0;
    }

    private static boolean includeUsage(JsonObject body) {
        return body.get("stream_options") instanceof JsonObject options && options.getBoolean("include_usage", false);
    }

    /** The text of a message's content: a string, or the text parts of an array of parts. */
    private static String text(JsonValue content) {
        if (content instanceof JsonString s) {
            return s.getString();
        }
        StringBuilder text = new StringBuilder();
        if (content instanceof JsonArray parts) {
            parts.stream().filter(p -> p instanceof JsonObject).map(p -> (JsonObject) p)
                    .forEach(p -> text.append(p.getString("text", "")));
        }
        return text.toString();
    }

    private static String completion(String model, Reply reply, int n, TokenCount tokens) {
        JsonArrayBuilder choices = JSON.createArrayBuilder();
        for (int i = 0; i < n; i++) {
            JsonObjectBuilder message = JSON.createObjectBuilder().add("role", "assistant");
            if (reply.tool() != null) {
                message.addNull("content").add("tool_calls", JSON.createArrayBuilder().add(toolCall(reply.tool(), i, true)));
            } else {
                message.add("content", reply.text());
            }
            choices.add(JSON.createObjectBuilder().add("index", i).add("message", message).add("finish_reason", reply.finish()));
        }
        return head("chat.completion", model).add("choices", choices).add("usage", usage(tokens)).build().toString();
    }

    private static String stream(String model, Reply reply, int n, TokenCount tokens, boolean includeUsage) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < n; i++) {
            JsonObjectBuilder first = JSON.createObjectBuilder().add("role", "assistant");
            if (reply.tool() != null) {
                first.add("tool_calls", JSON.createArrayBuilder().add(toolCall(reply.tool(), i, false)));
                event(events, chunk(model, i, first, null));
            } else {
                event(events, chunk(model, i, first.add("content", ""), null));
                for (String word : reply.text().split("(?<= )")) {
                    event(events, chunk(model, i, JSON.createObjectBuilder().add("content", word), null));
                }
            }
            event(events, chunk(model, i, JSON.createObjectBuilder(), reply.finish()));
        }
        if (includeUsage) {
            event(events, head("chat.completion.chunk", model).add("choices", JsonValue.EMPTY_JSON_ARRAY).add("usage", usage(tokens))
                    .build().toString());
        }
        return events.append("data: [DONE]\n\n").toString();
    }

    private static JsonObjectBuilder toolCall(String tool, int index, boolean whole) {
        JsonObjectBuilder call = JSON.createObjectBuilder();
        if (!whole) {
            call.add("index", 0);
        }
        return call.add("id", "call_offline_" + index).add("type", "function")
                .add("function", JSON.createObjectBuilder().add("name", tool).add("arguments", "{}"));
    }

    private static String chunk(String model, int index, JsonObjectBuilder delta, String finish) {
        JsonObjectBuilder choice = JSON.createObjectBuilder().add("index", index).add("delta", delta);
        if (finish == null) {
            choice.addNull("finish_reason");
        } else {
            choice.add("finish_reason", finish);
        }
        return head("chat.completion.chunk", model).add("choices", JSON.createArrayBuilder().add(choice)).build().toString();
    }

    private static void event(StringBuilder events, String data) {
        events.append("data: ").append(data).append("\n\n");
    }

    private static JsonObjectBuilder head(String object, String model) {
        return JSON.createObjectBuilder().add("id", "chatcmpl-offline").add("object", object)
                .add("created", Instant.now().getEpochSecond()).add("model", model);
    }

    private static JsonObjectBuilder usage(TokenCount tokens) {
        return JSON.createObjectBuilder().add("prompt_tokens", tokens.prompt()).add("completion_tokens", tokens.completion())
                .add("total_tokens", tokens.total());
    }

    private RelayAnswer embeddings(JsonObject body) {
        List<String> inputs = new ArrayList<>();
        JsonValue input = body.get("input");
        if (input instanceof JsonString s) {
            inputs.add(s.getString());
        } else if (input instanceof JsonArray array && !array.isEmpty() && array.stream().allMatch(v -> v instanceof JsonString)) {
            array.forEach(v -> inputs.add(((JsonString) v).getString()));
        } else {
            return refusal("input must be a string or a non-empty array of strings (the offline model takes no token arrays)",
                    "input");
        }
        if (body.get("dimensions") instanceof JsonNumber dimensions && dimensions.intValue() != embedder.dimensions()) {
            return refusal("the offline embedder makes vectors of " + embedder.dimensions() + " dimensions only", "dimensions");
        }
        boolean base64 = "base64".equals(body.getString("encoding_format", "float"));
        JsonArrayBuilder data = JSON.createArrayBuilder();
        long tokens = 0;
        List<float[]> vectors = embedder.embed(inputs);
        for (int i = 0; i < vectors.size(); i++) {
            tokens += TokenCount.estimateOf(inputs.get(i));
            JsonObjectBuilder item = JSON.createObjectBuilder().add("object", "embedding").add("index", i);
            data.add(base64 ? item.add("embedding", base64(vectors.get(i))) : item.add("embedding", floats(vectors.get(i))));
        }
        String answer = JSON.createObjectBuilder().add("object", "list").add("data", data)
                .add("model", body.getString("model", "helix-offline-1"))
                .add("usage", JSON.createObjectBuilder().add("prompt_tokens", tokens).add("total_tokens", tokens)).build().toString();
        return new RelayAnswer(200, null, new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonArrayBuilder floats(float[] vector) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (float v : vector) {
            array.add((double) v);
        }
        return array;
    }

    private static String base64(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            bytes.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static RelayAnswer refusal(String message, String param) {
        JsonObjectBuilder error = JSON.createObjectBuilder().add("message", message).add("type", "invalid_request_error");
        if (param == null) {
            error.addNull("param");
        } else {
            error.add("param", param);
        }
        String body = JSON.createObjectBuilder().add("error", error.addNull("code")).build().toString();
        return new RelayAnswer(400, null, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
