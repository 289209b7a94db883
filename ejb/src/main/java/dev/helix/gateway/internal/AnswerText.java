package dev.helix.gateway.internal;

import dev.helix.shared.model.TokenCount;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/**
 * Reads what an answer in OpenAI's protocol cost: the provider's {@code usage}, or, where it gave none, an estimate
 * from the prompt and the text the model wrote (contents and tool-call arguments).
 */
public final class AnswerText {

    /** Looked up once: finding the provider on each call costs more than the parsing. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private AnswerText() {
    }

    /** The tokens of a whole answer (a chat completion or embeddings). */
    public static TokenCount tokens(byte[] answer, Supplier<String> prompt) {
        JsonObject body;
        try {
            body = JSON.createReader(new ByteArrayInputStream(answer)).readObject();
        } catch (JsonException | IllegalStateException e) {
            return TokenCount.estimated(TokenCount.estimateOf(prompt.get()), 0);
        }
        if (body.get("usage") instanceof JsonObject usage) {
            return usage(usage);
        }
        StringBuilder written = new StringBuilder();
        if (body.get("choices") instanceof JsonArray choices) {
            choices.stream().filter(c -> c instanceof JsonObject).map(c -> ((JsonObject) c).get("message"))
                    .filter(m -> m instanceof JsonObject).forEach(m -> append(written, (JsonObject) m));
        }
        return TokenCount.estimated(TokenCount.estimateOf(prompt.get()), TokenCount.estimateOf(written));
    }

    /** The counts of a {@code usage} object; embeddings count only the prompt. */
    static TokenCount usage(JsonObject usage) {
        long prompt = count(usage, "prompt_tokens");
        long completion = usage.containsKey("completion_tokens") ? count(usage, "completion_tokens")
                : Math.max(0, count(usage, "total_tokens") - prompt);
        return TokenCount.counted(prompt, completion);
    }

    private static long count(JsonObject usage, String field) {
        return usage.get(field) instanceof JsonNumber n ? n.longValue() : 0;
    }

    /** Adds what a message (or a stream's delta) says: its content and its tool calls' arguments. */
    static void append(StringBuilder written, JsonObject message) {
        if (message.get("content") instanceof JsonString content) {
            written.append(content.getString());
        }
        if (message.get("tool_calls") instanceof JsonArray calls) {
            calls.stream().filter(c -> c instanceof JsonObject).map(c -> ((JsonObject) c).get("function"))
                    .filter(f -> f instanceof JsonObject).map(f -> ((JsonObject) f).get("arguments"))
                    .filter(a -> a instanceof JsonString).forEach(a -> written.append(((JsonString) a).getString()));
        }
    }
}
