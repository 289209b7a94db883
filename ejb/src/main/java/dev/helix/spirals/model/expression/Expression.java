package dev.helix.spirals.model.expression;

import static dev.helix.spirals.model.expression.Values.MAX_SOURCE;
import static dev.helix.spirals.model.expression.Values.tooLong;
import static dev.helix.spirals.model.expression.Values.typeName;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A small, safe expression over named variables, used by spirals for conditions and computed values.
 *
 * <p>It knows literals ({@code 12}, {@code 1.5}, {@code 'text'}, {@code "text"}, {@code true}, {@code false},
 * {@code null}), dotted variables ({@code payload.order.id}), the operators {@code || && == != < <= > >= + - * / % !}
 * with the usual precedence, parentheses, and a fixed set of functions: {@code upper lower trim len contains number
 * text coalesce now}. Parsing builds an immutable tree that evaluation walks; nothing else is ever run. Numbers are
 * {@link BigDecimal}s. Error positions count characters from 0.
 */
public final class Expression {

    private final String source;
    private final Node root;
    private final Set<String> variables;

    private Expression(String source, Node root) {
        this.source = source;
        this.root = root;
        Set<String> names = new LinkedHashSet<>();
        root.collectVariables(names);
        this.variables = Collections.unmodifiableSet(names);
    }

    /** Parses {@code source}; throws {@link ExpressionException} when it is not a valid expression. */
    public static Expression parse(String source) {
        if (source.length() > MAX_SOURCE) {
            throw tooLong(0);
        }
        return parse(source, 0, false);
    }

    /** Parses the placeholder expression that starts at {@code start} of a template and runs up to its '}'. */
    static Expression parsePlaceholder(String text, int start) {
        Expression expression = parse(text, start, true);
        if (expression.source.length() > MAX_SOURCE) {
            throw tooLong(start);
        }
        return expression;
    }

    private static Expression parse(String text, int start, boolean placeholder) {
        Parser parser = new Parser(text, start, placeholder);
        Node root = parser.expression();
        return new Expression(text.substring(start, parser.end()), root);
    }

    public Object evaluate(Map<String, ?> variables) {
        return evaluate(variables, Clock.systemUTC());
    }

    /** Evaluates against {@code variables}; {@code now()} reads {@code clock}. */
    public Object evaluate(Map<String, ?> variables, Clock clock) {
        return root.evaluate(new Node.Scope(Objects.requireNonNull(variables, "variables"), Objects.requireNonNull(clock, "clock")));
    }

    /** Evaluates a condition, which must give true or false. */
    public boolean test(Map<String, ?> variables) {
        Object value = evaluate(variables);
        if (value instanceof Boolean result) {
            return result;
        }
        throw new ExpressionException("a condition must give true or false, got " + typeName(value));
    }

    /** The first segment of every variable the expression reads, e.g. {@code event} for {@code event.status}. */
    public Set<String> variables() {
        return variables;
    }

    public String source() {
        return source;
    }

    /** A value as text: null is empty, numbers are written out without exponent. */
    public static String asText(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }
}
