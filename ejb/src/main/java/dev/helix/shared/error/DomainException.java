package dev.helix.shared.error;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * Base of the business errors the interfaces translate into RFC 9457 problems.
 * Each subclass names a stable problem type and the HTTP status that fits it.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    /** Short, stable slug that becomes the problem's {@code type} URI. */
    public abstract String problemType();

    /** Human title of the problem. */
    public abstract String title();

    /** HTTP status that fits the problem. */
    public abstract int status();

    /** Each problem with a part of the input, where the exception is about several; empty otherwise. */
    public List<FieldError> errors() {
        return List.of();
    }
}
