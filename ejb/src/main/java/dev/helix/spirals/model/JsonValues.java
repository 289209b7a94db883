package dev.helix.spirals.model;

import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.model.JsonText;
import dev.helix.shared.error.MalformedJsonException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between JSON and the plain values expressions work on (maps, lists, strings, {@link BigDecimal}s,
 * booleans, {@code null}): run variables are stored as JSON.
 */
public final class JsonValues {

    private JsonValues() {
    }

    /** The plain value of a JSON value. */
    public static Object toPlain(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT:
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, toPlain(v)));
                return map;
            case ARRAY:
                List<Object> list = new ArrayList<>();
                value.asJsonArray().forEach(v -> list.add(toPlain(v)));
                return list;
            case STRING:
                return ((JsonString) value).getString();
            case NUMBER:
                return ((JsonNumber) value).bigDecimalValue();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** The variables in a JSON object's text as Helix stored it (an empty map for blank text). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        return (Map<String, Object>) toPlain(Json.createReader(new StringReader(json)).readObject());
    }

    /**
     * The variables in a JSON object's text from outside (a run's input), read as strictly as every request
     * ({@link JsonText}); an empty map for blank text.
     *
     * @throws MalformedJsonException when the text is not one JSON value
     * @throws InvalidInputException  when the value is not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> inputObject(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        JsonValue value = JsonText.read(json);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("a run's input must be a JSON object");
        }
        return (Map<String, Object>) toPlain(value);
    }

    /** The JSON of a plain value. */
    public static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
            return object.build();
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            list.forEach(v -> array.add(toJson(v)));
            return array.build();
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Number n) {
            return Json.createValue(new BigDecimal(n.toString()));
        }
        return Json.createValue(value.toString());
    }
}
