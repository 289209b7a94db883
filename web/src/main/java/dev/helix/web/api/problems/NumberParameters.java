package dev.helix.web.api.problems;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Reads whole-number query parameters ({@code int}, {@code long}) so that one that is not a number is a 422
 * problem naming it, like any other invalid input; the REST runtime's own conversion would answer 404, as if the
 * resource did not exist. Path parameters keep that 404: {@code /tasks/abc} names no task.
 */
@Provider
public class NumberParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        QueryParam query = (QueryParam) Arrays.stream(annotations).filter(QueryParam.class::isInstance).findFirst().orElse(null);
        if (query == null) {
            return null;
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) converter(query.value(), Integer::valueOf);
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) converter(query.value(), Long::valueOf);
        }
        return null;
    }

    private static <N extends Number> ParamConverter<N> converter(String name, Function<String, N> parse) {
        return new ParamConverter<>() {
            @Override
            public N fromString(String value) {
                try {
                    return value == null ? null : parse.apply(value.strip());
                } catch (NumberFormatException e) {
                    throw new WebApplicationException(Problems.response(422, "validation", "Invalid input",
                            name + " must be a whole number (was '" + value + "')"));
                }
            }

            @Override
            public String toString(N value) {
                return String.valueOf(value);
            }
        };
    }
}
