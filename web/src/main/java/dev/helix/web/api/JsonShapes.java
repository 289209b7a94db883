package dev.helix.web.api;

import dev.helix.shared.error.FieldError;
import dev.helix.shared.error.MalformedJsonException;
import dev.helix.shared.model.Abbreviation;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Checks a request's JSON against the type it is bound to before it is bound, so that each value has exactly the
 * JSON type its field asks for: a string for text, {@code true}/{@code false} for a flag, a whole number within
 * range for a count, an array for a list, an object for a record. Nothing is coerced (the binding alone would turn
 * {@code 123} into the text "123" and {@code 1.5} into 1, and read an array as the object it holds). The first
 * mismatch is a {@link MalformedJsonException} naming the field and what it must be.
 */
final class JsonShapes {

    private JsonShapes() {
    }

    /** Throws unless the value fits the type; members the type does not have are left alone. */
    static void check(JsonValue value, Type type) {
        check(value, type, "");
    }

    private static void check(JsonValue value, Type type, String path) {
        Class<?> raw = raw(type);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (raw.isPrimitive()) {
                throw mismatch(path, raw, value);
            }
            return;
        }
        if (raw == String.class) {
            require(value instanceof JsonString, path, raw, value);
        } else if (raw == Boolean.class || raw == boolean.class) {
            require(value == JsonValue.TRUE || value == JsonValue.FALSE, path, raw, value);
        } else if (raw == Integer.class || raw == int.class) {
            require(wholeNumber(value, Integer.MIN_VALUE, Integer.MAX_VALUE), path, raw, value);
        } else if (raw == Long.class || raw == long.class) {
            require(wholeNumber(value, Long.MIN_VALUE, Long.MAX_VALUE), path, raw, value);
        } else if (raw == BigDecimal.class) {
            require(value instanceof JsonNumber, path, raw, value);
        } else if (raw.isEnum()) {
            require(value instanceof JsonString s && Arrays.stream(raw.getEnumConstants())
                    .anyMatch(c -> ((Enum<?>) c).name().equals(s.getString())), path, raw, value);
        } else if (raw == Instant.class) {
            require(value instanceof JsonString s && instant(s.getString()), path, raw, value);
        } else if (Collection.class.isAssignableFrom(raw)) {
            require(value instanceof JsonArray, path, raw, value);
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            JsonArray array = value.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                check(array.get(i), element, path + "[" + i + "]");
            }
        } else if (raw.isRecord()) {
            require(value instanceof JsonObject, path, raw, value);
            for (RecordComponent component : raw.getRecordComponents()) {
                JsonValue member = value.asJsonObject().get(component.getName());
                if (member != null) {
                    check(member, component.getGenericType(), path.isEmpty() ? component.getName() : path + "." + component.getName());
                }
            }
        } else {
            throw new IllegalStateException("request bodies cannot hold a " + raw.getName());
        }
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static boolean wholeNumber(JsonValue value, long least, long most) {
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            return false;
        }
        try {
            long n = number.longValueExact();
            return n >= least && n <= most;
        } catch (ArithmeticException tooLarge) {
            return false;
        }
    }

    private static boolean instant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void require(boolean fits, String path, Class<?> type, JsonValue value) {
        if (!fits) {
            throw mismatch(path, type, value);
        }
    }

    private static MalformedJsonException mismatch(String path, Class<?> type, JsonValue value) {
        String expected = expected(type) + " (was " + found(value) + ")";
        return path.isEmpty() ? new MalformedJsonException("The request body must be " + expected)
                : new MalformedJsonException(new FieldError(path, "must be " + expected));
    }

    /** What a value of the type looks like in JSON, in a client's words. */
    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == BigDecimal.class) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant in UTC, e.g. 2030-01-31T12:00:00Z";
        }
        return Collection.class.isAssignableFrom(type) ? "an array" : "an object";
    }

    /** The JSON type of a value, e.g. "a number". */
    private static String found(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "the string \"" + Abbreviation.of(((JsonString) value).getString(), 40) + "\"";
            case NUMBER -> "the number " + value;
            case TRUE, FALSE -> value.toString();
            case NULL -> "null";
        };
    }
}
