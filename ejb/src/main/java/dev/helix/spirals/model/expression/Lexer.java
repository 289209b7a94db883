package dev.helix.spirals.model.expression;

import static dev.helix.spirals.model.expression.Values.*;

import dev.helix.spirals.model.expression.Token.Kind;
import java.math.BigDecimal;
import java.util.List;

/** Cuts the source into tokens, one at a time, so that a template's placeholder is read only up to its '}'. */
final class Lexer {

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
