package dev.helix.web.api;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes CSV rows by RFC 4180: every field quoted, quotes doubled; a field a spreadsheet would take for a
 * formula (= + - @, tab, carriage return) is prefixed with an apostrophe, since values can come from strangers.
 * Numbers are written as they are, so a negative value stays a number.
 */
public final class Csv {

    /** The media type of a CSV answer. */
    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private Csv() {
    }

    /** One row, ended by CRLF. */
    public static String row(Stream<?> fields) {
        return fields.map(Csv::field).collect(Collectors.joining(",", "", "\r\n"));
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return "\"" + defused(value.toString()).replace("\"", "\"\"") + "\"";
    }

    private static String defused(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
