package dev.helix.spirals.model.expression;

import static dev.helix.spirals.model.expression.Values.*;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A node of an expression's immutable syntax tree, and the kinds of node; evaluation walks the tree. */
sealed interface Node permits Node.Literal, Node.Variable, Node.Unary, Node.Binary, Node.Call {

    Object evaluate(Scope scope);

    default void collectVariables(Set<String> names) {
    }

    record Literal(Object value) implements Node {

        @Override
        public Object evaluate(Scope scope) {
            return value;
        }
    }

    record Variable(List<String> path, int position) implements Node {

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

    record Unary(String operator, Node operand, int position) implements Node {

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

    record Binary(String operator, Node left, Node right, int position) implements Node {

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
                        ? limited(Expression.asText(l) + Expression.asText(r), position)
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

    record Call(Function function, List<Node> arguments, int position) implements Node {

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

    /** What an evaluation reads: the variables and the clock of {@code now()}. */
    record Scope(Map<String, ?> variables, Clock clock) {
    }
}
