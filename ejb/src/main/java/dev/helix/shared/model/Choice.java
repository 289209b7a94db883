package dev.helix.shared.model;

import dev.helix.shared.error.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads one of an enum's constants from text, in any case; anything else is a 422 that names the choices. */
public final class Choice {

    private Choice() {
    }

    /** The constant named {@code value}; {@code what} names the input in the problem, e.g. "resolution". */
    public static <E extends Enum<E>> E of(Class<E> type, String value, String what) {
        E[] constants = type.getEnumConstants();
        return Arrays.stream(constants).filter(c -> c.name().equalsIgnoreCase(value == null ? "" : value.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException(what + " must be one of " + Arrays.stream(constants)
                        .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + " (was '" + value + "')"));
    }
}
