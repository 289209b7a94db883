package dev.helix.web.api;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;

/**
 * JSON binding for the API, stricter than the default where leniency is dangerous: a boolean field takes only
 * {@code true} or {@code false}. (By default the string {@code "maybe"} became {@code false}, which for
 * {@code {"enabled":"maybe"}} disabled a user.) Anything else is a 400 problem.
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withDeserializers(new StrictBoolean()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** A body read as text (one that may be missing) bound as the API binds JSON; blank: {@code null}. */
    public static <T> T fromJson(String json, Class<T> type) {
        return json == null || json.isBlank() ? null : JSONB.fromJson(json, type);
    }

    /** true or false, nothing else. */
    public static final class StrictBoolean implements JsonbDeserializer<Boolean> {

        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            return switch (value.getValueType()) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                default -> throw new JsonbException("expected true or false, not " + value);
            };
        }
    }
}
