package dev.helix.web.api;

import dev.helix.shared.model.JsonText;
import dev.helix.shared.error.MalformedJsonException;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * How the API reads every JSON request body bound to a record: one strict reading for all.
 * The text must be UTF-8 and one JSON value ({@link JsonText}: nothing after it, nested at most
 * {@value JsonText#MAX_DEPTH} levels, no key twice), and each value must have exactly the JSON type of its field
 * ({@link JsonShapes}: no number read as text, no {@code "true"} read as a flag, no {@code 1.5} read as 1, no array
 * read as the object it holds). Anything else is a 400 problem that names the field and what it must be; an empty
 * body is no JSON either. {@code null} reads as no body, which a required one reports missing (422).
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJson implements MessageBodyReader<Object> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        return read(utf8(body.readAllBytes()), genericType);
    }

    /** A body read as text (one that may be missing) bound as the API binds JSON; blank: {@code null}. */
    public static <T> T fromJson(String json, Class<T> type) {
        return json == null || json.isBlank() ? null : type.cast(read(json, type));
    }

    private static Object read(String json, Type type) {
        JsonValue value = JsonText.read(json);
        JsonShapes.check(value, type);
        try {
            return JSONB.fromJson(new StringReader(value.toString()), type);
        } catch (JsonbException e) {
            throw new MalformedJsonException("The request body does not have the shape this endpoint reads");
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedJsonException("The request body is not valid UTF-8 text");
        }
    }
}
