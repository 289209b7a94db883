package dev.helix.providers.internal;

import dev.helix.providers.model.ToolRequest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/**
 * The JSON of a recorded model answer, the same for every provider: {@code {"text": ..., "toolCalls": [{"id", "name",
 * "arguments"}]}}, the arguments kept as the model wrote them (a string, possibly malformed JSON).
 */
public final class TurnJson {

    /** What a recorded answer said: its text (possibly {@code null}) and the tools it called. */
    public record Answer(String text, List<ToolRequest> toolCalls) {
    }

    private TurnJson() {
    }

    public static String answer(String text, List<ToolRequest> calls) {
        JsonObjectBuilder answer = Json.createObjectBuilder();
        if (text != null) {
            answer.add("text", text);
        }
        JsonArrayBuilder toolCalls = Json.createArrayBuilder();
        for (ToolRequest call : calls) {
            JsonObjectBuilder json = Json.createObjectBuilder().add("name", call.name())
                    .add("arguments", call.arguments() == null ? "" : call.arguments());
            if (call.id() != null) {
                json.add("id", call.id());
            }
            toolCalls.add(json);
        }
        return answer.add("toolCalls", toolCalls).build().toString();
    }

    /** Reads a recorded answer; an {@link IllegalArgumentException} where it is not one. */
    public static Answer read(String answer) {
        try {
            JsonObject json = Json.createReader(new StringReader(answer)).readObject();
            List<ToolRequest> calls = json.getJsonArray("toolCalls") == null ? List.of()
                    : json.getJsonArray("toolCalls").stream().map(JsonValue::asJsonObject)
                            .map(call -> new ToolRequest(text(call, "id"), call.getString("name"), text(call, "arguments")))
                            .toList();
            return new Answer(text(json, "text"), calls);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a recorded answer is not readable (" + e.getMessage() + ")", e);
        }
    }

    /** A request of the offline kinds: named fields, each a text. */
    public static String request(String... namesAndValues) {
        JsonObjectBuilder request = Json.createObjectBuilder();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                request.add(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return request.build().toString();
    }

    private static String text(JsonObject json, String name) {
        return json.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
