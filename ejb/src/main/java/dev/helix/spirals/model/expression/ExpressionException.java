package dev.helix.spirals.model.expression;

import dev.helix.shared.error.InvalidInputException;

/** A spiral expression or template that cannot be parsed or evaluated; the message says what and where. */
public class ExpressionException extends InvalidInputException {

    public ExpressionException(String message) {
        super(message);
    }
}
