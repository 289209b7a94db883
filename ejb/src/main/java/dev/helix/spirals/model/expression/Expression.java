package dev.helix.spirals.model.expression;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

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

    static final int MAX_SOURCE = 2_000;
    static final int MAX_DEPTH = 64;
    static final int MAX_TEXT = 100_000;
    /** Bound on a number's precision and scale, so that no value can grow without limit. */
    private static final int MAX_DIGITS = 1_000;

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
        return root.evaluate(new Scope(Objects.requireNonNull(variables, "variables"), Objects.requireNonNull(clock, "clock")));
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

    // ---- values ----

    private static ExpressionException error(String what, int position) {
        return new ExpressionException(what + " at " + position);
    }

    private static ExpressionException tooLong(int position) {
        return error("expression longer than " + MAX_SOURCE + " characters", position);
    }

    private static ExpressionException needs(String user, String expected, Object actual, int position) {
        return error(user + " needs " + expected + ", got " + typeName(actual), position);
    }

    private static String typeName(Object value) {
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

    private static boolean requireBoolean(Object value, String user, int position) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw needs(user, "true or false", value, position);
    }

    private static BigDecimal requireNumber(Object value, String user, int position) {
        if (value instanceof BigDecimal number) {
            return number;
        }
        throw needs(user, "a number", value, position);
    }

    private static String requireString(Object value, String user, int position) {
        if (value instanceof String text) {
            return text;
        }
        throw needs(user, "a string", value, position);
    }

    /** A variable's value as the expression sees it: any {@link Number} becomes a {@link BigDecimal}. */
    private static Object normalise(Object value, int position) {
        if (!(value instanceof Number number)) {
            return value;
        }
        try {
            return bounded(new BigDecimal(number.toString()), position);
        } catch (NumberFormatException e) {
            throw error("'" + number + "' is not a finite number", position);
        }
    }

    private static BigDecimal bounded(BigDecimal number, int position) {
        if (number.precision() > MAX_DIGITS || Math.abs(number.scale()) > MAX_DIGITS) {
            throw error("number out of range", position);
        }
        return number;
    }

    private static BigDecimal arithmetic(BigDecimal result, int position) {
        return bounded(result.stripTrailingZeros(), position);
    }

    private static String limited(String text, int position) {
        if (text.length() > MAX_TEXT) {
            throw error("text longer than " + MAX_TEXT + " characters", position);
        }
        return text;
    }

    private static boolean same(Object left, Object right) {
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return Objects.equals(left, right);
    }

    // ---- syntax tree ----

    private record Scope(Map<String, ?> variables, Clock clock) {
    }

    private sealed interface Node permits Literal, Variable, Unary, Binary, Call {

        Object evaluate(Scope scope);

        default void collectVariables(Set<String> names) {
        }
    }

    private record Literal(Object value) implements Node {

        @Override
        public Object evaluate(Scope scope) {
            return value;
        }
    }

    private record Variable(List<String> path, int position) implements Node {

        @Override
        public Object evaluate(Scope scope) {
            String first = path.get(0);
            if (!scope.variables().containsKey(first)) {
                throw error("unknown variable '" + first + "'", position);
            }
            Object value = scope.variables().get(first);
            for (int i = 1; i < path.size() && value != null; i++) {
                if (!(value instanceof Map<?, ?> map)) {
                    throw error("'" + String.join(".", path.subList(0, i)) + "' is " + typeName(value) + ", not a map",
                            position);
                }
                value = map.get(path.get(i));
            }
            return normalise(value, position);
        }

        @Override
        public void collectVariables(Set<String> names) {
            names.add(path.get(0));
        }
    }

    private record Unary(String operator, Node operand, int position) implements Node {

        @Override
        public Object evaluate(Scope scope) {
            Object value = operand.evaluate(scope);
            String user = "'" + operator + "'";
            return operator.equals("!")
                    ? !requireBoolean(value, user, position)
                    : arithmetic(requireNumber(value, user, position).negate(), position);
        }

        @Override
        public void collectVariables(Set<String> names) {
            operand.collectVariables(names);
        }
    }

    private record Binary(String operator, Node left, Node right, int position) implements Node {

        @Override
        public Object evaluate(Scope scope) {
            Object l = left.evaluate(scope);
            if (operator.equals("&&")) {
                return bool(l) && bool(right.evaluate(scope));
            }
            if (operator.equals("||")) {
                return bool(l) || bool(right.evaluate(scope));
            }
            Object r = right.evaluate(scope);
            return switch (operator) {
                case "==" -> same(l, r);
                case "!=" -> !same(l, r);
                case "<" -> compare(l, r) < 0;
                case "<=" -> compare(l, r) <= 0;
                case ">" -> compare(l, r) > 0;
                case ">=" -> compare(l, r) >= 0;
                case "+" -> l instanceof String || r instanceof String
                        ? limited(asText(l) + asText(r), position)
                        : arithmetic(number(l).add(number(r)), position);
                case "-" -> arithmetic(number(l).subtract(number(r)), position);
                case "*" -> arithmetic(number(l).multiply(number(r)), position);
                case "/" -> arithmetic(number(l).divide(divisor(r), MathContext.DECIMAL64), position);
                case "%" -> arithmetic(number(l).remainder(divisor(r)), position);
                default -> throw new IllegalStateException("unknown operator " + operator);
            };
        }

        @Override
        public void collectVariables(Set<String> names) {
            left.collectVariables(names);
            right.collectVariables(names);
        }

        private boolean bool(Object value) {
            return requireBoolean(value, "'" + operator + "'", position);
        }

        private BigDecimal number(Object value) {
            return requireNumber(value, "'" + operator + "'", position);
        }

        private BigDecimal divisor(Object value) {
            BigDecimal divisor = number(value);
            if (divisor.signum() == 0) {
                throw error("division by zero", position);
            }
            return divisor;
        }

        private int compare(Object l, Object r) {
            if (l instanceof BigDecimal a && r instanceof BigDecimal b) {
                return a.compareTo(b);
            }
            if (l instanceof String a && r instanceof String b) {
                return a.compareTo(b);
            }
            throw error("'" + operator + "' needs two numbers or two strings, got " + typeName(l) + " and "
                    + typeName(r), position);
        }
    }

    private record Call(Function function, List<Node> arguments, int position) implements Node {

        @Override
        public Object evaluate(Scope scope) {
            List<Object> values = arguments.stream().map(argument -> argument.evaluate(scope)).toList();
            return function.apply(values, scope.clock(), position);
        }

        @Override
        public void collectVariables(Set<String> names) {
            arguments.forEach(argument -> argument.collectVariables(names));
        }
    }

    /** The whole whitelist of functions; an expression can call nothing else. */
    private enum Function {
        UPPER(1, 1), LOWER(1, 1), TRIM(1, 1), LEN(1, 1), CONTAINS(2, 2), NUMBER(1, 1), TEXT(1, 1),
        COALESCE(1, Integer.MAX_VALUE), NOW(0, 0);

        private final int minArguments;
        private final int maxArguments;

        Function(int minArguments, int maxArguments) {
            this.minArguments = minArguments;
            this.maxArguments = maxArguments;
        }

        static Optional<Function> named(String name) {
            return Arrays.stream(values()).filter(function -> function.label().equals(name)).findFirst();
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        void checkArity(int count, int position) {
            if (count < minArguments || count > maxArguments) {
                String expected = minArguments == maxArguments ? String.valueOf(minArguments) : "at least " + minArguments;
                throw error(label() + "() takes " + expected + " argument" + (minArguments == 1 ? "" : "s")
                        + ", got " + count, position);
            }
        }

        Object apply(List<Object> arguments, Clock clock, int position) {
            String user = label() + "()";
            Object first = arguments.isEmpty() ? null : arguments.get(0);
            return switch (this) {
                case UPPER -> limited(requireString(first, user, position).toUpperCase(Locale.ROOT), position);
                case LOWER -> limited(requireString(first, user, position).toLowerCase(Locale.ROOT), position);
                case TRIM -> requireString(first, user, position).strip();
                case LEN -> length(first, user, position);
                case CONTAINS -> contains(first, arguments.get(1), user, position);
                case NUMBER -> toNumber(first, user, position);
                case TEXT -> limited(asText(first), position);
                case COALESCE -> arguments.stream().filter(Objects::nonNull).findFirst().orElse(null);
                case NOW -> Instant.now(clock).toString();
            };
        }

        private static BigDecimal length(Object value, String user, int position) {
            if (value instanceof String text) {
                return BigDecimal.valueOf(text.length());
            }
            if (value instanceof List<?> list) {
                return BigDecimal.valueOf(list.size());
            }
            if (value instanceof Map<?, ?> map) {
                return BigDecimal.valueOf(map.size());
            }
            throw needs(user, "a string, list or map", value, position);
        }

        private static boolean contains(Object container, Object item, String user, int position) {
            if (container instanceof String text) {
                return text.contains(requireString(item, user, position));
            }
            if (container instanceof List<?> list) {
                return list.stream().anyMatch(element -> same(normalise(element, position), item));
            }
            throw needs(user, "a string or a list", container, position);
        }

        private static BigDecimal toNumber(Object value, String user, int position) {
            if (value instanceof BigDecimal number) {
                return number;
            }
            String text = requireString(value, user, position).strip();
            try {
                if (text.length() <= MAX_SOURCE) {
                    return bounded(new BigDecimal(text), position);
                }
            } catch (NumberFormatException e) {
                // reported below, like text too long to be a number
            }
            throw error(user + " cannot read '" + text + "' as a number", position);
        }
    }

    // ---- reading ----

    private enum Kind { NUMBER, STRING, NAME, SYMBOL, END }

    private record Token(Kind kind, String text, Object value, int position) {

        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }
    }

    /** Cuts the source into tokens, one at a time, so that a template's placeholder is read only up to its '}'. */
    private static final class Lexer {

        /** Two-character symbols first, so that "<=" is not read as "<" and "=". */
        private static final List<String> SYMBOLS = List.of("||", "&&", "==", "!=", "<=", ">=",
                "+", "-", "*", "/", "%", "!", "<", ">", "(", ")", ",", ".", "}");

        private final String text;
        private int pos;

        Lexer(String text, int start) {
            this.text = text;
            this.pos = start;
        }

        Token next() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            int start = pos;
            if (pos == text.length()) {
                return new Token(Kind.END, "", null, start);
            }
            char c = text.charAt(pos);
            if (isDigit(c)) {
                return number(start);
            }
            if (c == '\'' || c == '"') {
                return string(start, c);
            }
            if (isNameStart(c)) {
                while (pos < text.length() && (isNameStart(text.charAt(pos)) || isDigit(text.charAt(pos)))) {
                    pos++;
                }
                return token(Kind.NAME, start, null);
            }
            for (String symbol : SYMBOLS) {
                if (text.startsWith(symbol, pos)) {
                    pos += symbol.length();
                    return token(Kind.SYMBOL, start, null);
                }
            }
            throw error("unexpected character '" + c + "'", start);
        }

        private Token number(int start) {
            skipDigits();
            if (pos + 1 < text.length() && text.charAt(pos) == '.' && isDigit(text.charAt(pos + 1))) {
                pos++;
                skipDigits();
            }
            return token(Kind.NUMBER, start, bounded(new BigDecimal(text.substring(start, pos)), start));
        }

        private void skipDigits() {
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }

        private Token string(int start, char quote) {
            StringBuilder value = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == quote) {
                    return token(Kind.STRING, start, value.toString());
                }
                if (c == '\\' && pos < text.length()) {
                    c = text.charAt(pos++);
                    if (c != '\\' && c != '\'' && c != '"') {
                        throw error("unknown escape '\\" + c + "'", pos - 2);
                    }
                }
                value.append(c);
            }
            throw error("unclosed string", start);
        }

        private Token token(Kind kind, int start, Object value) {
            return new Token(kind, text.substring(start, pos), value, start);
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isNameStart(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
        }
    }

    /** Recursive descent, one method per precedence level, with one token of look-ahead. */
    private static final class Parser {

        /** Binary operators, lowest precedence first; all associate to the left. */
        private static final List<Set<String>> PRECEDENCE = List.of(Set.of("||"), Set.of("&&"), Set.of("==", "!="),
                Set.of("<", "<=", ">", ">="), Set.of("+", "-"), Set.of("*", "/", "%"));

        private final Lexer lexer;
        private final int start;
        private final boolean placeholder;
        private Token token;
        private int depth;

        Parser(String text, int start, boolean placeholder) {
            this.lexer = new Lexer(text, start);
            this.start = start;
            this.placeholder = placeholder;
            this.token = lexer.next();
        }

        Node expression() {
            return binary(0);
        }

        /** Where the expression ends: the end of the source, or a placeholder's '}'. */
        int end() {
            boolean closed = placeholder ? token.is("}") : token.kind() == Kind.END;
            if (!closed) {
                throw unexpected(token);
            }
            return token.position();
        }

        private Node binary(int level) {
            if (level == PRECEDENCE.size()) {
                return unary();
            }
            Node left = binary(level + 1);
            while (token.kind() == Kind.SYMBOL && PRECEDENCE.get(level).contains(token.text())) {
                Token operator = take();
                left = new Binary(operator.text(), left, binary(level + 1), operator.position());
            }
            return left;
        }

        private Node unary() {
            if (token.is("!") || token.is("-")) {
                Token operator = take();
                return new Unary(operator.text(), nested(this::unary), operator.position());
            }
            return primary();
        }

        private Node primary() {
            Token first = take();
            if (first.kind() == Kind.NUMBER || first.kind() == Kind.STRING) {
                return new Literal(first.value());
            }
            if (first.kind() == Kind.NAME) {
                return name(first);
            }
            if (first.is("(")) {
                Node inner = nested(this::expression);
                expect(")");
                return inner;
            }
            throw unexpected(first);
        }

        private Node name(Token name) {
            return switch (name.text()) {
                case "true" -> new Literal(Boolean.TRUE);
                case "false" -> new Literal(Boolean.FALSE);
                case "null" -> new Literal(null);
                default -> token.is("(") ? call(name) : variable(name);
            };
        }

        private Node variable(Token name) {
            List<String> path = new ArrayList<>(List.of(name.text()));
            while (accept(".")) {
                Token segment = take();
                if (segment.kind() != Kind.NAME) {
                    throw unexpected(segment);
                }
                path.add(segment.text());
            }
            return new Variable(List.copyOf(path), name.position());
        }

        private Node call(Token name) {
            Function function = Function.named(name.text())
                    .orElseThrow(() -> error("unknown function '" + name.text() + "'", name.position()));
            take();
            List<Node> arguments = new ArrayList<>();
            if (!accept(")")) {
                do {
                    arguments.add(nested(this::expression));
                } while (accept(","));
                expect(")");
            }
            function.checkArity(arguments.size(), name.position());
            return new Call(function, List.copyOf(arguments), name.position());
        }

        /** Parses one level deeper: inside parentheses, a function's argument or a unary operator. */
        private Node nested(Supplier<Node> inner) {
            if (++depth > MAX_DEPTH) {
                throw error("expression nested deeper than " + MAX_DEPTH + " levels", token.position());
            }
            Node node = inner.get();
            depth--;
            return node;
        }

        private Token take() {
            Token taken = token;
            token = lexer.next();
            return taken;
        }

        private boolean accept(String symbol) {
            if (!token.is(symbol)) {
                return false;
            }
            take();
            return true;
        }

        private void expect(String symbol) {
            if (!accept(symbol)) {
                throw unexpected(token);
            }
        }

        private ExpressionException unexpected(Token unexpected) {
            if (unexpected.kind() != Kind.END) {
                return error("unexpected '" + unexpected.text() + "'", unexpected.position());
            }
            return placeholder ? error("unclosed '${'", start - 2) : error("unexpected end of expression", unexpected.position());
        }
    }
}
