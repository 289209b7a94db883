package dev.helix.spirals.model.expression;

import static dev.helix.spirals.model.expression.Values.*;

import dev.helix.spirals.model.expression.Node.Binary;
import dev.helix.spirals.model.expression.Node.Call;
import dev.helix.spirals.model.expression.Node.Literal;
import dev.helix.spirals.model.expression.Node.Unary;
import dev.helix.spirals.model.expression.Node.Variable;
import dev.helix.spirals.model.expression.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Recursive descent, one method per precedence level, with one token of look-ahead. */
final class Parser {

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
