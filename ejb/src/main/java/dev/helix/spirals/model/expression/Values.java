package dev.helix.spirals.model.expression;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The expression language's limits, its values' types and checks, and its errors, shared by its parts. */
final class Values {

    static final int MAX_SOURCE = 2_000;
    static final int MAX_DEPTH = 64;
    static final int MAX_TEXT = 100_000;
    /** Bound on a number's precision and scale, so that no value can grow without limit. */
    static final int MAX_DIGITS = 1_000;

    private Values() {
    }

    static ExpressionException error(String what, int position) {
        return new ExpressionException(what + " at " + position);
    }

    static ExpressionException tooLong(int position) {
        return error("expression longer than " + MAX_SOURCE + " characters", position);
    }

    static ExpressionException needs(String user, String expected, Object actual, int position) {
        return error(user + " needs " + expected + ", got " + typeName(actual), position);
    }

    static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof BigDecimal) {
            return "a number";
        }
        if (value instanceof List) {
            return "a list";
        }
        return value instanceof Map ? "a map" : "a value";
    }

    static boolean requireBoolean(Object value, String user, int position) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw needs(user, "true or false", value, position);
    }

    static BigDecimal requireNumber(Object value, String user, int position) {
        if (value instanceof BigDecimal number) {
            return number;
        }
        throw needs(user, "a number", value, position);
    }

    static String requireString(Object value, String user, int position) {
        if (value instanceof String text) {
            return text;
        }
        throw needs(user, "a string", value, position);
    }

    /** A variable's value as the expression sees it: any {@link Number} becomes a {@link BigDecimal}. */
    static Object normalise(Object value, int position) {
        if (!(value instanceof Number number)) {
            return value;
        }
        try {
            return bounded(new BigDecimal(number.toString()), position);
        } catch (NumberFormatException e) {
            throw error("'" + number + "' is not a finite number", position);
        }
    }

    static BigDecimal bounded(BigDecimal number, int position) {
        if (number.precision() > MAX_DIGITS || Math.abs(number.scale()) > MAX_DIGITS) {
            throw error("number out of range", position);
        }
        return number;
    }

    static BigDecimal arithmetic(BigDecimal result, int position) {
        return bounded(result.stripTrailingZeros(), position);
    }

    static String limited(String text, int position) {
        if (text.length() > MAX_TEXT) {
            throw error("text longer than " + MAX_TEXT + " characters", position);
        }
        return text;
    }

    static boolean same(Object left, Object right) {
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return Objects.equals(left, right);
    }
}
