package dev.helix.shared.model;

import dev.helix.shared.error.InvalidInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Nightly build", "Übersicht – Zürich", "日本語の名前", "rocket 🚀 launch", "a\u00ADb", "👩\u200D🚀"})
    void printableNamesInAnyScriptPass(String name) {
        assertEquals(Optional.empty(), Names.problem(name));
        assertEquals(name, Names.require("name", name));
    }

    @Test
    void controlCharactersAreRefusedSayingWhichAndWhere() {
        assertEquals(Optional.of("must not contain control characters (U+0000 at 4)"), Names.problem("abc\u0000d"));
        assertEquals(Optional.of("must not contain control characters (U+0009 at 1)"), Names.problem("\tx"));
        assertEquals(Optional.of("must not contain control characters (U+000D at 2)"), Names.problem("a\r\nb"));
        assertEquals(Optional.of("must not contain control characters (U+001B at 1)"), Names.problem("\u001B[31mred"));
        assertEquals(Optional.of("must not contain control characters (U+0085 at 2)"), Names.problem("a\u0085"));
        assertEquals(Optional.of("must not contain line breaks (U+2028 at 2)"), Names.problem("a\u2028b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202Eexe.txt", "x\u202Ay", "x\u202Dy", "x\u2066y", "x\u2069", "x\u200Fy", "x\u061Cy"})
    void characterThatTurnTheTextsDirectionAreRefused(String name) {
        assertEquals("must not contain characters that turn the text's direction",
                Names.problem(name).orElseThrow().replaceAll(" \\(.*", ""));
    }

    @Test
    void aLoneHalfOfACharacterIsRefused() {
        assertEquals(Optional.of("must not contain half of a character (U+D83D at 2)"), Names.problem("a\uD83D"));
    }

    @Test
    void requireIsA422NamingTheField() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Names.require("displayName", "a\u0000"));
        assertEquals(422, e.status());
        assertEquals("displayName must not contain control characters (U+0000 at 2)", e.getMessage());
    }
}
