package dev.helix.shared.error;

import java.util.List;

/**
 * JSON from outside that cannot be read as asked: not JSON at all, more than one value, nested too deeply, a key
 * twice, or a value of the wrong type for its field. The message says what is wrong in the text's own terms.
 */
public class MalformedJsonException extends DomainException {

    private final List<FieldError> errors;

    public MalformedJsonException(String message) {
        this(message, List.of());
    }

    /** A problem with one part of the JSON, also listed in {@link #errors()}. */
    public MalformedJsonException(FieldError error) {
        this(error.field() + " " + error.message(), List.of(error));
    }

    private MalformedJsonException(String message, List<FieldError> errors) {
        super(message);
        this.errors = errors;
    }

    @Override
    public String problemType() {
        return "malformed-request";
    }

    @Override
    public String title() {
        return "Malformed request";
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }
}
