package dev.helix.shared.model;

import dev.helix.shared.error.InvalidInputException;
import java.util.Optional;

/**
 * The names people give things (a spiral, an agent, an agent profile, an API key) show as they read: they hold no
 * control characters (NUL, tab, line breaks, escape, ...), no line or paragraph separators, no characters that turn
 * the direction of the text around them (bidirectional embeddings, overrides, isolates and marks, with which a name
 * can be made to look like another), and no half of a character (a lone surrogate). Names with a fixed alphabet
 * (users, rituals, roles) keep their own stricter patterns.
 */
public final class Names {

    private Names() {
    }

    /**
     * What is wrong with the name, if anything, e.g. "must not contain control characters (U+0000 at 4)": the
     * character and its place, counted in characters from 1.
     */
    public static Optional<String> problem(String name) {
        if (name == null) {
            return Optional.empty();
        }
        int position = 0;
        for (int c : name.codePoints().toArray()) {
            position++;
            String kind = kind(c);
            if (kind != null) {
                return Optional.of("must not contain " + kind + " (U+%04X at %d)".formatted(c, position));
            }
        }
        return Optional.empty();
    }

    /** The name itself, or an {@link InvalidInputException} (422) saying what is wrong with the field. */
    public static String require(String field, String name) {
        problem(name).ifPresent(p -> {
            throw new InvalidInputException(field + " " + p);
        });
        return name;
    }

    private static String kind(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL -> "control characters";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "line breaks";
            case Character.SURROGATE -> "half of a character";
            default -> turnsDirection(c) ? "characters that turn the text's direction" : null;
        };
    }

    private static boolean turnsDirection(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
