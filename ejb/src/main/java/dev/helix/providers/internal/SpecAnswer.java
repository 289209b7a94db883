package dev.helix.providers.internal;

import dev.helix.providers.model.SpecDraft;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.regex.Pattern;

/**
 * A model's answer to a request for a spec: a JSON object with the three documents, each present, the plan a
 * checklist. Read from a model's answer, and written for the offline model's own answers, so every spec step's
 * transcript reads alike.
 */
public final class SpecAnswer {

    /** The most characters a document may have (a task keeps each in a column of a million). */
    static final int MAX_DOCUMENT = 200_000;
    private static final Pattern CHECKLIST_LINE = Pattern.compile("(?m)^\\s*- \\[ \\] \\S");

    private SpecAnswer() {
    }

    /** The documents, or an {@link IllegalArgumentException} saying what is wrong with the answer. */
    public static SpecDraft parse(String answer, long tokens) {
        JsonObject object;
        try {
            JsonValue value = Json.createReader(new StringReader(answer == null ? "" : stripFence(answer))).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("it is JSON, but not an object");
            }
            object = value.asJsonObject();
        } catch (JsonException e) {
            throw new IllegalArgumentException("it is not JSON");
        }
        String plan = field(object, "plan");
        if (!CHECKLIST_LINE.matcher(plan).find()) {
            throw new IllegalArgumentException("the plan has no \"- [ ] \" checklist line");
        }
        return new SpecDraft(field(object, "requirements"), field(object, "design"), plan, tokens);
    }

    /** The documents as the JSON object a model answers with. */
    public static String of(SpecDraft draft) {
        return Json.createObjectBuilder().add("requirements", draft.requirements()).add("design", draft.design())
                .add("plan", draft.plan()).build().toString();
    }

    private static String field(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (!(value instanceof JsonString text) || text.getString().isBlank()) {
            throw new IllegalArgumentException("\"" + name + "\" is missing, empty or not a string");
        }
        if (text.getString().length() > MAX_DOCUMENT) {
            throw new IllegalArgumentException("\"" + name + "\" is longer than " + MAX_DOCUMENT + " characters");
        }
        return text.getString().strip() + "\n";
    }

    /** Models that ignore the JSON mode sometimes wrap their answer in a markdown code fence. */
    private static String stripFence(String answer) {
        String text = answer.strip();
        if (text.startsWith("```") && text.endsWith("```") && text.length() > 6) {
            return text.substring(text.indexOf('\n') + 1, text.length() - 3);
        }
        return text;
    }
}
