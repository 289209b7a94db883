package dev.helix.shared.model;

/** Shortens text for a column, a headline or a message: at most so many characters, the last an ellipsis when cut. */
public final class Abbreviation {

    private Abbreviation() {
    }

    /** At most {@code max} characters (never cut between the halves of a surrogate pair); {@code null} stays null. */
    public static String of(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, cut) + "…";
    }

    /** The first non-blank line of a text, abbreviated to {@code max} characters. */
    public static String firstLine(String text, int max) {
        return of(text.strip().lines().findFirst().orElse(""), max);
    }
}
