package dev.helix.shared.model;

import dev.helix.shared.error.MalformedJsonException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTextTest {

    private static String refused(String text) {
        MalformedJsonException e = assertThrows(MalformedJsonException.class, () -> JsonText.read(text));
        assertEquals(400, e.status());
        return e.getMessage();
    }

    @Test
    void oneValueIsReadAsItIs() {
        assertEquals("{\"a\":[1,true,null,\"x\"]}", JsonText.read(" {\"a\": [1, true, null, \"x\"]}\n").toString());
        assertEquals(JsonValue.TRUE, JsonText.read("true"));
    }

    @Test
    void textAfterTheValueIsRefusedNotIgnored() {
        for (String text : new String[] {"{\"a\":1}{\"b\":2}", "[1] x", "1 2"}) {
            String message = refused(text);
            assertTrue(message.contains("goes on after its value (line 1, column "), message);
        }
    }

    @Test
    void nestingIsLimitedLongBeforeTheParserWouldGiveUp() {
        String deepest = "[".repeat(JsonText.MAX_DEPTH) + "]".repeat(JsonText.MAX_DEPTH);
        assertEquals(JsonValue.ValueType.ARRAY, JsonText.read(deepest).getValueType());
        assertTrue(refused("[".repeat(5000) + "]".repeat(5000)).contains("nested more than 64 levels deep"));
        assertTrue(refused("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)).contains("nested more than 64 levels deep"));
        assertTrue(refused("[".repeat(100_000)).contains("nested more than 64 levels deep"), "unclosed, too");
    }

    @Test
    void aKeyTwiceIsRefused() {
        assertTrue(refused("{\"enabled\":true,\"enabled\":false}").contains("a key twice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "{\"a\":", "{a:1}", "[1,]", "'x'", "nul", "\"unterminated", "{\"a\":1,}"})
    void textThatIsNotJsonIsRefusedWithWhereItGoesWrong(String text) {
        String message = refused(text);
        assertTrue(message.startsWith("The text is not valid JSON"), message);
    }

    @Test
    void numbersTooLongToReadAreRefused() {
        assertEquals(JsonValue.ValueType.NUMBER, JsonText.read("9".repeat(JsonText.MAX_NUMBER_LENGTH)).getValueType());
        assertTrue(refused("[" + "9".repeat(200_000) + "]").contains("a number longer than 100 characters"));
    }
}
