package dev.helix.web.api.problems;

import dev.helix.shared.model.Abbreviation;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * Reads whole-number parameters ({@code int}, {@code long}) so that one that is not a number is a problem naming
 * it, in the request's own terms: a query parameter is invalid input (422); a path parameter names nothing that
 * exists (404: {@code /tasks/abc} names no task). The REST runtime's own conversion answered 404 for both, with a
 * message naming its annotations.
 */
@Provider
public class NumberParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        ParamConverter<? extends Number> converter;
        if (rawType == int.class || rawType == Integer.class) {
            converter = converter(annotations, Integer::valueOf);
        } else if (rawType == long.class || rawType == Long.class) {
            converter = converter(annotations, Long::valueOf);
        } else {
            converter = null;
        }
        return (ParamConverter<T>) converter;
    }

    private static <N extends Number> ParamConverter<N> converter(Annotation[] annotations, Function<String, N> parse) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return converter(parse, value -> Problems.response(422, "validation", "Invalid input",
                        query.value() + " must be a whole number (was '" + Abbreviation.of(value, 40) + "')"));
            }
            if (annotation instanceof PathParam path) {
                return converter(parse, value -> Problems.response(404, "not-found", "Not found",
                        "There is nothing at this address: its " + path.value() + " must be a whole number (was '" + Abbreviation.of(value, 40) + "')"));
            }
        }
        return null;
    }

    private static <N extends Number> ParamConverter<N> converter(Function<String, N> parse, Function<String, Response> refusal) {
        return new ParamConverter<>() {
            @Override
            public N fromString(String value) {
                try {
                    return value == null ? null : parse.apply(value.strip());
                } catch (NumberFormatException e) {
                    throw new WebApplicationException(refusal.apply(value));
                }
            }

            @Override
            public String toString(N value) {
                return String.valueOf(value);
            }
        };
    }
}
