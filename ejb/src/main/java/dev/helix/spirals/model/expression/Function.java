package dev.helix.spirals.model.expression;

import static dev.helix.spirals.model.expression.Values.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The whole whitelist of functions; an expression can call nothing else. */
enum Function {
    UPPER(1, 1), LOWER(1, 1), TRIM(1, 1), LEN(1, 1), CONTAINS(2, 2), NUMBER(1, 1), TEXT(1, 1),
    COALESCE(1, Integer.MAX_VALUE), NOW(0, 0);

    private final int minArguments;
    private final int maxArguments;

    Function(int minArguments, int maxArguments) {
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
    }

    static Optional<Function> named(String name) {
        return Arrays.stream(values()).filter(function -> function.label().equals(name)).findFirst();
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    void checkArity(int count, int position) {
        if (count < minArguments || count > maxArguments) {
            String expected = minArguments == maxArguments ? String.valueOf(minArguments) : "at least " + minArguments;
            throw error(label() + "() takes " + expected + " argument" + (minArguments == 1 ? "" : "s")
                    + ", got " + count, position);
        }
    }

    Object apply(List<Object> arguments, Clock clock, int position) {
        String user = label() + "()";
        Object first = arguments.isEmpty() ? null : arguments.get(0);
        return switch (this) {
            case UPPER -> limited(requireString(first, user, position).toUpperCase(Locale.ROOT), position);
            case LOWER -> limited(requireString(first, user, position).toLowerCase(Locale.ROOT), position);
            case TRIM -> requireString(first, user, position).strip();
            case LEN -> length(first, user, position);
            case CONTAINS -> contains(first, arguments.get(1), user, position);
            case NUMBER -> toNumber(first, user, position);
            case TEXT -> limited(Expression.asText(first), position);
            case COALESCE -> arguments.stream().filter(Objects::nonNull).findFirst().orElse(null);
            case NOW -> Instant.now(clock).toString();
        };
    }

    private static BigDecimal length(Object value, String user, int position) {
        if (value instanceof String text) {
            return BigDecimal.valueOf(text.length());
        }
        if (value instanceof List<?> list) {
            return BigDecimal.valueOf(list.size());
        }
        if (value instanceof Map<?, ?> map) {
            return BigDecimal.valueOf(map.size());
        }
        throw needs(user, "a string, list or map", value, position);
    }

    private static boolean contains(Object container, Object item, String user, int position) {
        if (container instanceof String text) {
            return text.contains(requireString(item, user, position));
        }
        if (container instanceof List<?> list) {
            return list.stream().anyMatch(element -> same(normalise(element, position), item));
        }
        throw needs(user, "a string or a list", container, position);
    }

    private static BigDecimal toNumber(Object value, String user, int position) {
        if (value instanceof BigDecimal number) {
            return number;
        }
        String text = requireString(value, user, position).strip();
        try {
            if (text.length() <= MAX_SOURCE) {
                return bounded(new BigDecimal(text), position);
            }
        } catch (NumberFormatException e) {
            // reported below, like text too long to be a number
        }
        throw error(user + " cannot read '" + text + "' as a number", position);
    }
}
