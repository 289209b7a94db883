package dev.helix.spirals.model.expression;

/** One token of an expression's source: its kind, its text, its value (numbers and strings) and its position. */
record Token(Token.Kind kind, String text, Object value, int position) {

    /** What a token is. */
    enum Kind { NUMBER, STRING, NAME, SYMBOL, END }

    boolean is(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }
}
