package dev.helix.spirals.model.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private static final Map<String, Object> VARIABLES = Map.of(
            "event", Map.of("status", "open", "payload", Map.of("order", Map.of("id", "A-17", "total", 12.5))),
            "count", 3);

    private static String render(String template) {
        return Template.parse(template).render(VARIABLES);
    }

    private static String failure(String template) {
        return assertThrows(ExpressionException.class, () -> Template.parse(template)).getMessage();
    }

    @Test
    void replacesEveryPlaceholderWithItsValueAsText() {
        assertEquals("Order A-17 is OPEN, total 25, 3 items.", render(
                "Order ${event.payload.order.id} is ${upper(event.status)}, total ${event.payload.order.total * 2},"
                        + " ${count} items."));
        assertEquals("3", render("${count}"));
        assertEquals("33", render("${count}${count}"));
        assertEquals("[] ok", render("[${event.missing}] ok"));
    }

    @Test
    void textWithoutPlaceholdersStaysAsItIs() {
        assertEquals("", render(""));
        assertEquals("costs $5 {not a placeholder} $", render("costs $5 {not a placeholder} $"));
    }

    @Test
    void aClosingBraceInsideAStringDoesNotEndThePlaceholder() {
        assertEquals("a}b and {c}", render("${'a}b'} and ${\"{c}\"}"));
    }

    @Test
    void doubleDollarIsALiteralPlaceholderStart() {
        assertEquals("write ${count} to get 3", render("write $${count} to get ${count}"));
        assertEquals("${", render("$${"));
    }

    @Test
    void anUnclosedPlaceholderFailsWhereItStarts() {
        assertEquals("unclosed '${' at 6", failure("Hello ${count"));
        assertEquals("unclosed '${' at 6", failure("Hello ${count +"));
        assertEquals("unclosed '${' at 0", failure("${"));
    }

    @Test
    void badPlaceholdersFailWithTheirPositionInTheTemplate() {
        assertEquals("unexpected '}' at 10", failure("Total: ${ }"));
        assertEquals("unexpected '}' at 12", failure("Total: ${1 +}"));
        assertEquals("unexpected ')' at 15", failure("a ${count} b ${)}"));
        assertEquals("unknown function 'shell' at 2", failure("${shell('ls')}"));
        assertEquals("expression longer than 2000 characters at 2",
                failure("${" + "1" + " + 1".repeat(500) + "}"));
    }

    @Test
    void renderingFailsLikeItsExpressions() {
        Template template = Template.parse("Hi ${name}");
        assertEquals("unknown variable 'name' at 5",
                assertThrows(ExpressionException.class, () -> template.render(VARIABLES)).getMessage());
    }

    @Test
    void renderedTextIsLimited() {
        Template template = Template.parse("${s}${s}");
        Map<String, Object> variables = Map.of("s", "x".repeat(60_000));
        assertEquals("rendered text longer than 100000 characters",
                assertThrows(ExpressionException.class, () -> template.render(variables)).getMessage());
    }

    @Test
    void variablesAreTheUnionOverPlaceholders() {
        assertEquals(Set.of("event", "count", "limit"),
                Template.parse("${event.status} ${count + limit} ${upper(event.kind)} $${ignored}").variables());
        assertEquals(Set.of(), Template.parse("plain").variables());
    }
}
