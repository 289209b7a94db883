package dev.helix.spirals.model;

import dev.helix.shared.model.InvalidInputException;

/** A spiral expression or template that cannot be parsed or evaluated; the message says what and where. */
public class ExpressionException extends InvalidInputException {

    public ExpressionException(String message) {
        super(message);
    }
}
