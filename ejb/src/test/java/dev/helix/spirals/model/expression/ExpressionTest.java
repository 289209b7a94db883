package dev.helix.spirals.model.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.shared.error.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpressionTest {

    private static final Map<String, Object> VARIABLES = variables();

    private static Map<String, Object> variables() {
        Map<String, Object> order = new HashMap<>();
        order.put("id", "A-17");
        order.put("total", 12.5);
        order.put("note", null);
        Map<String, Object> variables = new HashMap<>();
        variables.put("count", 3);
        variables.put("big", new BigInteger("12345678901234567890"));
        variables.put("name", "  Ada  ");
        variables.put("flag", true);
        variables.put("nothing", null);
        variables.put("tags", List.of("urgent", 7));
        variables.put("event", Map.of("status", "open", "payload", Map.of("order", order)));
        return variables;
    }

    private static Object eval(String source) {
        return Expression.parse(source).evaluate(VARIABLES);
    }

    /** Evaluates and shows the result as text, which makes numbers easy to compare. */
    private static String text(String source) {
        return Expression.asText(eval(source));
    }

    private static String failure(String source) {
        return assertThrows(ExpressionException.class, () -> eval(source)).getMessage();
    }

    @Test
    void operatorsFollowTheUsualPrecedence() {
        assertEquals("7", text("1 + 2 * 3"));
        assertEquals("9", text("(1 + 2) * 3"));
        assertEquals("5", text("10 - 3 - 2"));
        assertEquals("1", text("7 % 3 * 1"));
        assertEquals("-1", text("-(3 - 2)"));
        assertEquals(true, eval("1 + 1 == 2 && 2 < 3"));
        assertEquals(true, eval("true || false && false"));
        assertEquals(false, eval("!true || false"));
        assertEquals(true, eval("!(1 > 2)"));
    }

    @Test
    void numbersAreExactDecimals() {
        assertEquals(true, eval("0.1 + 0.2 == 0.3"));
        assertEquals("3.5", text("7 / 2"));
        assertEquals("0.3333333333333333", text("1 / 3"));
        assertEquals("100", text("99 + 1"));
        assertEquals("2", text("1.50 + 0.50"));
        assertEquals("1.5", text("7.5 % 2"));
        assertInstanceOf(BigDecimal.class, eval("count"));
        assertEquals("12345678901234567891", text("big + 1"));
        assertEquals("13.5", text("event.payload.order.total + 1"));
    }

    @Test
    void divisionByZeroFails() {
        assertEquals("division by zero at 2", failure("1 / 0"));
        assertEquals("division by zero at 2", failure("1 % 0.0"));
    }

    @Test
    void numbersStayWithinBounds() {
        assertTrue(failure("1" + "0".repeat(1_000)).startsWith("number out of range"));
        assertEquals("number out of range at 0", failure("number('1E+999999999')"));
    }

    @Test
    void stringsTakeEitherQuoteAndEscapeQuotesAndBackslashes() {
        assertEquals("it's", eval("'it\\'s'"));
        assertEquals("say \"hi\"", eval("\"say \\\"hi\\\"\""));
        assertEquals("a\\b", eval("'a\\\\b'"));
        assertEquals("\"", eval("'\"'"));
        assertEquals("unknown escape '\\n' at 2", failure("'a\\nb'"));
        assertEquals("unclosed string at 4", failure("1 + 'abc"));
    }

    @Test
    void plusConcatenatesWhenEitherSideIsAString() {
        assertEquals("n=3", eval("'n=' + count"));
        assertEquals("3!", eval("count + '!'"));
        assertEquals("0.5 left", eval("1 / 2 + ' left'"));
        assertEquals("x", eval("nothing + 'x'"));
        assertEquals("truex", eval("true + 'x'"));
        assertEquals("'+' needs a number, got a boolean at 5", failure("true + 1"));
    }

    @Test
    void stringResultsAreLimited() {
        Map<String, Object> variables = Map.of("s", "x".repeat(60_000));
        Expression twice = Expression.parse("s + s");
        assertEquals("text longer than 100000 characters at 2",
                assertThrows(ExpressionException.class, () -> twice.evaluate(variables)).getMessage());
    }

    @Test
    void equalityComparesNumbersByValueAndEverythingElseByEquals() {
        assertEquals(true, eval("count == 3.0"));
        assertEquals(true, eval("2.50 != 2.5 == false"));
        assertEquals(true, eval("event.status == 'open'"));
        assertEquals(false, eval("'3' == 3"));
        assertEquals(true, eval("nothing == null"));
        assertEquals(true, eval("event.missing == null"));
        assertEquals(true, eval("flag == true"));
    }

    @Test
    void orderingWorksOnNumbersAndOnStrings() {
        assertEquals(true, eval("count > 2.9"));
        assertEquals(true, eval("count >= 3"));
        assertEquals(false, eval("count < 3"));
        assertEquals(true, eval("count <= 3"));
        assertEquals(true, eval("'apple' < 'banana'"));
        assertEquals("'<' needs two numbers or two strings, got a number and a string at 6",
                failure("count < 'x'"));
        assertEquals("'>=' needs two numbers or two strings, got null and a number at 8",
                failure("nothing >= 1"));
    }

    @Test
    void logicShortCircuitsAndNeedsBooleans() {
        assertEquals(false, eval("false && unknownVar"));
        assertEquals(true, eval("true || unknownVar"));
        assertEquals(true, eval("flag && count == 3"));
        assertEquals("unknown variable 'unknownVar' at 8", failure("true && unknownVar"));
        assertEquals("'&&' needs true or false, got a number at 6", failure("count && true"));
        assertEquals("'||' needs true or false, got a string at 6", failure("false || 'yes'"));
        assertEquals("'!' needs true or false, got null at 0", failure("!nothing"));
        assertEquals("'-' needs a number, got a string at 0", failure("-'x'"));
    }

    @Test
    void dottedVariablesLookIntoNestedMaps() {
        assertEquals("A-17", eval("event.payload.order.id"));
        assertEquals("open", eval("event . status"));
        assertEquals(List.of("urgent", 7), eval("tags"));
        assertTrue(eval("event") instanceof Map);
    }

    @Test
    void aMissingNestedKeyIsNull() {
        assertNull(eval("event.missing"));
        assertNull(eval("event.missing.deeper"));
        assertNull(eval("event.payload.order.note"));
        assertNull(eval("nothing.at.all"));
    }

    @Test
    void readingIntoSomethingThatIsNotAMapFails() {
        assertEquals("'event.status' is a string, not a map at 0", failure("event.status.code"));
    }

    @Test
    void anUnknownVariableFails() {
        assertEquals("unknown variable 'x' at 4", failure("1 + x"));
        assertEquals("unknown variable 'missing' at 0", failure("missing.key"));
        assertThrows(InvalidInputException.class, () -> eval("x"), "a bad expression is a 422 problem");
    }

    @Test
    void stringFunctions() {
        assertEquals("OPEN", eval("upper(event.status)"));
        assertEquals("open", eval("lower('OPEN')"));
        assertEquals("Ada", eval("trim(name)"));
        assertEquals("upper() needs a string, got a number at 0", failure("upper(count)"));
        assertEquals("trim() needs a string, got null at 0", failure("trim(event.missing)"));
    }

    @Test
    void lenMeasuresStringsListsAndMaps() {
        assertEquals("7", text("len(name)"));
        assertEquals("2", text("len(tags)"));
        assertEquals("2", text("len(event)"));
        assertEquals("0", text("len('')"));
        assertEquals("len() needs a string, list or map, got a number at 0", failure("len(count)"));
    }

    @Test
    void containsLooksIntoStringsAndLists() {
        assertEquals(true, eval("contains(event.status, 'pe')"));
        assertEquals(false, eval("contains('open', 'x')"));
        assertEquals(true, eval("contains(tags, 'urgent')"));
        assertEquals(true, eval("contains(tags, 7.0)"));
        assertEquals(false, eval("contains(tags, 'calm')"));
        assertEquals("contains() needs a string or a list, got a number at 0", failure("contains(1, 1)"));
        assertEquals("contains() needs a string, got a number at 0", failure("contains('1', 1)"));
    }

    @Test
    void numberReadsTextAndTextWritesIt() {
        assertEquals("42.5", text("number(' 42.5 ') "));
        assertEquals(true, eval("number('10') > 9"));
        assertEquals("3", text("number(count)"));
        assertEquals("number() cannot read 'abc' as a number at 0", failure("number('abc')"));
        assertEquals("number() needs a string, got null at 0", failure("number(nothing)"));
        assertEquals("3", eval("text(count)"));
        assertEquals("", eval("text(nothing)"));
        assertEquals("true", eval("text(flag)"));
        assertEquals("31003", eval("text(count) + 1 + 0 + 0 + 3"));
    }

    @Test
    void coalesceGivesTheFirstValueThatIsNotNull() {
        assertEquals("A-17", eval("coalesce(event.payload.order.note, nothing, event.payload.order.id, 'x')"));
        assertEquals("fallback", eval("coalesce(event.missing, 'fallback')"));
        assertNull(eval("coalesce(nothing)"));
    }

    @Test
    void nowReadsTheGivenClock() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);
        assertEquals("2025-03-04T05:06:07Z", Expression.parse("now()").evaluate(Map.of(), clock));
        assertInstanceOf(Instant.class, Instant.parse((String) eval("now()")));
    }

    @Test
    void functionsAreAFixedWhitelistWithFixedArities() {
        assertEquals("unknown function 'exec' at 4", assertThrows(ExpressionException.class,
                () -> Expression.parse("1 + exec('rm -rf /')")).getMessage());
        assertEquals("unknown function 'UPPER' at 0", parseFailure("UPPER('x')"));
        assertEquals("upper() takes 1 argument, got 2 at 0", parseFailure("upper('a', 'b')"));
        assertEquals("now() takes 0 arguments, got 1 at 0", parseFailure("now(1)"));
        assertEquals("contains() takes 2 arguments, got 1 at 0", parseFailure("contains('a')"));
        assertEquals("coalesce() takes at least 1 argument, got 0 at 0", parseFailure("coalesce()"));
        assertEquals("unexpected '(' at 9", parseFailure("event.len(1)"));
    }

    private static String parseFailure(String source) {
        return assertThrows(ExpressionException.class, () -> Expression.parse(source)).getMessage();
    }

    @Test
    void syntaxErrorsSayWhatAndWhere() {
        assertEquals("unexpected ')' at 7", parseFailure("(1 + 2))"));
        assertEquals("unexpected end of expression at 3", parseFailure("1 +"));
        assertEquals("unexpected end of expression at 3", parseFailure("   "));
        assertEquals("unexpected end of expression at 6", parseFailure("(1 + 2"));
        assertEquals("unexpected '2' at 2", parseFailure("1 2"));
        assertEquals("unexpected character '#' at 2", parseFailure("a #"));
        assertEquals("unexpected character '=' at 2", parseFailure("a = 1"));
        assertEquals("unexpected '*' at 4", parseFailure("1 + * 2"));
        assertEquals("unexpected '.' at 4", parseFailure("true.x"));
        assertEquals("unexpected '1' at 2", parseFailure("a.1"));
        assertEquals("unexpected '}' at 2", parseFailure("1 }"));
        assertEquals("unexpected ',' at 1", parseFailure("f,"));
    }

    @Test
    void nestingDepthIsLimited() {
        assertEquals("1", text("(".repeat(64) + "1" + ")".repeat(64)));
        assertEquals("expression nested deeper than 64 levels at 65",
                parseFailure("(".repeat(65) + "1" + ")".repeat(65)));
        assertEquals("expression nested deeper than 64 levels at 65", parseFailure("-".repeat(65) + "1"));
        assertTrue(parseFailure("upper(".repeat(65) + "'x'" + ")".repeat(65)).startsWith("expression nested deeper"));
    }

    @Test
    void sourceLengthIsLimited() {
        String longest = "1" + " + 1".repeat(499) + "   ";
        assertEquals(2_000, longest.length());
        assertEquals("500", text(longest));
        assertEquals("expression longer than 2000 characters at 0", parseFailure(longest + " "));
    }

    @Test
    void variablesNameTheFirstSegmentOfEveryReference() {
        Expression expression = Expression.parse(
                "event.status == 'open' && count > 2 || contains(upper(event.payload.id), text(-limit)) && true");
        assertEquals(Set.of("event", "count", "limit"), expression.variables());
        assertEquals(Set.of(), Expression.parse("1 + now()").variables());
    }

    @Test
    void testNeedsABooleanResult() {
        assertTrue(Expression.parse("count == 3").test(VARIABLES));
        assertFalse(Expression.parse("flag && count > 3").test(VARIABLES));
        assertEquals("a condition must give true or false, got a number", assertThrows(ExpressionException.class,
                () -> Expression.parse("count + 1").test(VARIABLES)).getMessage());
    }

    @Test
    void sourceIsKeptAndAsTextWritesValues() {
        assertEquals(" count + 1 ", Expression.parse(" count + 1 ").source());
        assertEquals("", Expression.asText(null));
        assertEquals("1000", Expression.asText(new BigDecimal("1E+3")));
        assertEquals("0.00001", Expression.asText(new BigDecimal("1E-5")));
        assertEquals("false", Expression.asText(false));
        assertEquals("[a, b]", Expression.asText(List.of("a", "b")));
    }
}
