package dev.helix.shared.model;

import dev.helix.shared.error.MalformedJsonException;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.Map;

/**
 * Reads JSON text that comes from outside Helix (request bodies, spiral definitions, run inputs) strictly: exactly
 * one value with nothing after it, nested at most {@value #MAX_DEPTH} levels deep, each key of an object once.
 * Anything else is a {@link MalformedJsonException} that says what is wrong and where (line and column).
 */
public final class JsonText {

    /** The deepest nesting of objects and arrays accepted. */
    public static final int MAX_DEPTH = 64;
    /** The most characters a number may have. */
    public static final int MAX_NUMBER_LENGTH = 100;

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private JsonText() {
    }

    /** The one JSON value of the text. */
    public static JsonValue read(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedJsonException("The text is not valid JSON: it is empty");
        }
        requireOneShallowValue(text);
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new MalformedJsonException("The JSON text has a key twice in one object: each key may appear once");
        }
    }

    /**
     * A first pass over the events alone, so that the reader never builds (or recurses into) anything nested deeper
     * than allowed nor reads a number longer than allowed, and so that text after the value is refused rather than
     * ignored.
     */
    private static void requireOneShallowValue(String text) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            int depth = 0;
            boolean complete = false;
            try {
                while (parser.hasNext()) {
                    JsonParser.Event event = parser.next();
                    if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                        if (++depth > MAX_DEPTH) {
                            throw new MalformedJsonException("The JSON text is nested more than " + MAX_DEPTH
                                    + " levels deep " + where(parser.getLocation()));
                        }
                    } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                        depth--;
                    } else if (event == JsonParser.Event.VALUE_NUMBER && parser.getString().length() > MAX_NUMBER_LENGTH) {
                        throw new MalformedJsonException("The JSON text has a number longer than " + MAX_NUMBER_LENGTH
                                + " characters " + where(parser.getLocation()));
                    }
                    complete = depth == 0;
                }
            } catch (JsonException e) {
                JsonLocation at = e instanceof JsonParsingException p ? p.getLocation() : parser.getLocation();
                throw new MalformedJsonException(complete
                        ? "The JSON text goes on after its value " + where(at) + ": send exactly one value"
                        : "The text is not valid JSON " + where(at));
            }
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : "(line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }
}
