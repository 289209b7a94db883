package dev.helix.spirals.model.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Text with {@code ${expression}} placeholders, e.g. {@code "Order ${payload.order.id} is ${upper(event.status)}"},
 * rendered by evaluating each {@link Expression}. <code>$${</code> stands for a literal <code>${</code>.
 */
public final class Template {

    /** The text around the placeholders: before the first, between each two, after the last. */
    private final List<String> texts;
    private final List<Expression> placeholders;
    private final Set<String> variables;

    private Template(List<String> texts, List<Expression> placeholders) {
        this.texts = List.copyOf(texts);
        this.placeholders = List.copyOf(placeholders);
        Set<String> names = new LinkedHashSet<>();
        placeholders.forEach(placeholder -> names.addAll(placeholder.variables()));
        this.variables = Collections.unmodifiableSet(names);
    }

    /** Parses {@code text}; throws {@link ExpressionException} for a bad or unclosed placeholder. */
    public static Template parse(String text) {
        List<String> texts = new ArrayList<>();
        List<Expression> placeholders = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                Expression placeholder = Expression.parsePlaceholder(text, i + 2);
                texts.add(literal.toString());
                literal.setLength(0);
                placeholders.add(placeholder);
                i += "${".length() + placeholder.source().length() + "}".length();
            } else {
                literal.append(text.charAt(i++));
            }
        }
        texts.add(literal.toString());
        return new Template(texts, placeholders);
    }

    /** The text with each placeholder replaced by its value as {@link Expression#asText text}. */
    public String render(Map<String, ?> variables) {
        StringBuilder rendered = new StringBuilder(texts.get(0));
        for (int i = 0; i < placeholders.size(); i++) {
            rendered.append(Expression.asText(placeholders.get(i).evaluate(variables))).append(texts.get(i + 1));
            if (rendered.length() > Values.MAX_TEXT) {
                throw new ExpressionException("rendered text longer than " + Values.MAX_TEXT + " characters");
            }
        }
        return rendered.toString();
    }

    /** The variables read by any of the placeholders. */
    public Set<String> variables() {
        return variables;
    }
}
